package dev.vantage.report.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.ReportFixture;
import dev.vantage.report.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportDiffTest {
    private final KnowledgeBase kb = KnowledgeBase.builtin();

    @Test
    void aNewPortAResolvedFindingAndTheRiskItChanged() {
        ReportDiff diff = ReportDiff.between(ReportFixture.report(), ReportFixture.later());
        assertFalse(diff.isEmpty());
        HostDiff main = diff.hosts().get(0);
        assertEquals("198.19.0.2", main.address());
        assertEquals("main server", main.label());
        assertEquals(List.of(
                new Change(Change.Kind.FINDING_RESOLVED, 25, "tcp", "smtp-open-relay", null, ReportFixture.report().hosts().get(0)
                        .ports().get(0).findings().get(0).finding().evidence()),
                new Change(Change.Kind.RISK, 25, "tcp", "high", "low", null),
                new Change(Change.Kind.PORT_NEW, 143, "tcp", "closed", "open", "imap Dovecot imapd")), main.changes());
        assertTrue(diff.hosts().get(1).isEmpty(), "login server unchanged");
    }

    @Test
    void stateAndSoftwareChangesHostsNewAndGone() {
        CheckReport before = ReportFixture.report();
        CheckReport after = ReportFixture.report("nginx", "Server: nginx/2.4.62", ReportFixture.FTP_NOTE, List.of());
        ReportDiff same = ReportDiff.between(before, before);
        assertTrue(same.isEmpty());
        CheckReport onlyMain = new CheckReport(before.run(), before.hosts().subList(0, 1), before.summary(), before.checklist());
        ReportDiff gone = ReportDiff.between(before, onlyMain);
        assertEquals(HostDiff.Presence.GONE, gone.hosts().get(1).presence());
        assertEquals(List.of(Change.Kind.PORT_GONE, Change.Kind.PORT_GONE, Change.Kind.PORT_GONE, Change.Kind.PORT_GONE),
                gone.hosts().get(1).changes().stream().map(Change::kind).toList());
        ReportDiff added = ReportDiff.between(onlyMain, before);
        assertEquals(HostDiff.Presence.NEW, added.hosts().get(1).presence());
        assertEquals("open-restricted", added.hosts().get(1).changes().get(0).after());
        ReportDiff software = ReportDiff.between(before, after);
        assertEquals(List.of(new Change(Change.Kind.SERVICE, 80, "tcp", "http Apache httpd 2.4.62", "http nginx 2.4.62", null)),
                software.hosts().get(0).changes(), "other evidence of the same finding is not a new finding");
    }

    @Test
    void textSaysItInTheLanguage() throws Exception {
        ReportDiff diff = ReportDiff.between(ReportFixture.report(), ReportFixture.later());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DiffTextRenderer.render(diff, kb, Lang.EN, out);
        String text = out.toString(StandardCharsets.UTF_8);
        Samples.write("diff-en.txt", out.toByteArray());
        assertTrue(text.startsWith("Changes since the previous check\n"));
        assertTrue(text.contains("main server (198.19.0.2)\n"));
        assertTrue(text.contains("+ 143/tcp  now answers: closed → open — imap Dovecot imapd"), text);
        assertTrue(text.contains("- 25/tcp   finding resolved: Mail server relays mail for anyone"), text);
        assertTrue(text.contains("~ 25/tcp   risk changed: High → Low"), text);
        assertFalse(text.contains("login server"), "unchanged hosts are left out");
        out.reset();
        DiffTextRenderer.render(diff, kb, Lang.JA, out);
        String ja = out.toString(StandardCharsets.UTF_8);
        Samples.write("diff-ja.txt", out.toByteArray());
        assertTrue(ja.contains("応答するようになった: 閉じている → 開いている"), ja);
        assertTrue(ja.contains("危険度が変わった: 高 → 低"), ja);
        out.reset();
        DiffTextRenderer.render(ReportDiff.between(ReportFixture.report(), ReportFixture.report()), kb, Lang.EN, out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Nothing changed since the previous check."));
    }

    @Test
    void jsonForPrograms() throws Exception {
        ReportDiff diff = ReportDiff.between(ReportFixture.report(), ReportFixture.later());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DiffJsonWriter.write(diff, out);
        Samples.write("diff.json", out.toByteArray());
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("vantage-diff/1", json.get("schema").asText());
        assertTrue(json.get("changed").asBoolean());
        assertEquals("2026-11-20T09:30:00Z", json.get("old_started_at").asText());
        assertEquals(1, json.get("hosts").size(), "only hosts with changes");
        JsonNode changes = json.get("hosts").get(0).get("changes");
        assertEquals("finding-resolved", changes.get(0).get("kind").asText());
        assertEquals("smtp-open-relay", changes.get(0).get("before").asText());
        assertTrue(changes.get(0).get("after").isNull());
        assertEquals("port-new", changes.get(2).get("kind").asText());
        assertEquals(143, changes.get(2).get("port").asInt());
        assertEquals("both", json.get("hosts").get(0).get("presence").asText());
    }
}
