package dev.vantage.assess;

import dev.vantage.target.NamedPortSets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge base is complete in both languages: a missing key or text fails the build. */
class KnowledgeBaseTest {
    private final KnowledgeBase kb = KnowledgeBase.builtin();

    @Test
    void everyServiceHasEveryTextInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (KnowledgeBase.ServiceEntry e : kb.services().values()) {
            for (Lang lang : Lang.values()) {
                KnowledgeBase.ServiceText t = e.in(lang);
                if (t == null) { missing.add(e.key() + "/" + lang); continue; }
                check(missing, e.key() + "/" + lang, Map.of("name", t.name(), "function", t.function(),
                        "threats", t.threats(), "why", t.why(), "advice", t.advice()));
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(kb.services().size() >= 60, "services: " + kb.services().size());
    }

    @Test
    void everyFindingHasEveryTextInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (KnowledgeBase.FindingEntry e : kb.findings().values()) {
            for (Lang lang : Lang.values()) {
                KnowledgeBase.FindingText t = e.in(lang);
                check(missing, e.id() + "/" + lang, Map.of("title", t.title(), "threats", t.threats(), "why", t.why(),
                        "advice", t.advice()));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void checklistAndMessagesExistInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (KnowledgeBase.ChecklistItem item : kb.checklist()) {
            for (Lang lang : Lang.values()) if (item.text().getOrDefault(lang, "").isBlank()) missing.add(item.id() + "/" + lang);
            for (String key : item.appliesWhen()) {
                if (kb.service(key).isEmpty() && kb.finding(key).isEmpty()) missing.add(item.id() + " refers to unknown " + key);
            }
        }
        kb.messages().forEach((key, text) -> {
            for (Lang lang : Lang.values()) if (text.getOrDefault(lang, "").isBlank()) missing.add(key + "/" + lang);
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void japaneseTextsAreJapanese() {
        for (KnowledgeBase.ServiceEntry e : kb.services().values()) {
            String ja = e.in(Lang.JA).threats();
            assertTrue(ja.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA), e.key());
        }
    }

    @Test
    void everyFindingNamedInTheCodeAndEveryWellKnownPortIsCovered() {
        for (String id : List.of("smtp-open-relay", "smtp-relay-uncertain", "ftp-anonymous", "dns-open-resolver", "dns-zone-transfer",
                "ssh-password-auth", "tls-1.0", "http-trace-enabled", "ident-disclosure", "redis-no-auth", "snmp-public-community",
                "port-open-restricted", "policy-unexpected-open", "policy-intended-unreachable", "policy-vantage-excluded",
                "decoy-attempts")) {
            assertTrue(kb.finding(id).isPresent(), id);
        }
        List<Integer> unlabelled = new ArrayList<>();
        for (int port : NamedPortSets.wellKnown().toArray()) {
            if (NamedPortSets.label(port).isPresent() && kb.serviceOnPort("tcp", port).isEmpty()) unlabelled.add(port);
        }
        assertTrue(unlabelled.size() <= 12, "well-known ports with a label but no knowledge-base service: " + unlabelled);
    }

    private static void check(List<String> missing, String where, Map<String, String> fields) {
        fields.forEach((k, v) -> { if (v == null || v.isBlank()) missing.add(where + "." + k); });
    }
}
