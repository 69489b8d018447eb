package dev.vantage.tripwire.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.render.Texts;
import dev.vantage.store.Store;
import dev.vantage.store.StoreConfig;
import dev.vantage.store.decoy.DecoyCredential;
import dev.vantage.store.decoy.DecoyDao;
import dev.vantage.store.decoy.DecoyEvent;
import dev.vantage.store.decoy.DecoyOutcome;
import dev.vantage.store.decoy.DecoyRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record read from a known set of events, and its three renderings. */
class AttackRecordTest {
    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-03-05T12:00:00Z");

    @TempDir
    Path dir;
    private Store store;
    private DecoyDao dao;

    @BeforeEach
    void fill() {
        store = Store.open(StoreConfig.inDataDir(dir));
        dao = new DecoyDao(store.jdbi());
        UUID run = UUID.randomUUID();
        dao.startRun(new DecoyRun(run, START, START, null, "21,23,3389", "21=ftp,23=telnet,3389=none", 0, 0));
        dao.updateRun(run, NOW.minusSeconds(3600), NOW.minusSeconds(3600), 120, 2);
        List<DecoyEvent> events = new ArrayList<>();
        // FTP is the most attacked, as on the owner's published record; TELNET next; RDP from one scanner.
        for (int i = 0; i < 60; i++) events.add(event(run, "203.0.113." + (i % 6), 21, START.plusSeconds(3600L * i), "USER anonymous", "anonymous"));
        for (int i = 0; i < 40; i++) events.add(event(run, "198.51.100." + (i % 4), 23, START.plusSeconds(1800L * i + 60), "root", "root"));
        events.add(event(run, "2001:db8:1:2::7", 23, START.plusSeconds(86_400L * 3), "<script>alert(1)</script>", "admin<b>"));
        for (int i = 0; i < 19; i++) events.add(event(run, "192.0.2.200", 3389, START.plusSeconds(86_400L * 2 + i), "\\x03\\x00\\x00\\x13", null));
        dao.insert(events);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theNumbersAddUp() {
        AttackRecord r = AttackRecords.read(dao, null, NOW, 5, false);
        assertEquals(120, r.attempts());
        assertEquals(6 + 4 + 1 + 1, r.sources());
        assertEquals(2, r.dropped());
        assertEquals(List.of(21, 23, 3389), r.ports().stream().map(AttackRecord.PortRow::port).toList());
        assertEquals(List.of(60L, 41L, 19L), r.ports().stream().map(AttackRecord.PortRow::attempts).toList());
        assertEquals("ftp", r.ports().getFirst().service());
        assertEquals(START, r.firstSeen());
        assertEquals(LocalDate.of(2025, 3, 1), r.days().getFirst().day());
        assertEquals(4, r.days().size(), "every day from the first to the last, zeros included");
        assertEquals(120, r.days().stream().mapToLong(AttackRecord.DayRow::attempts).sum());
        assertEquals("192.0.2.200", r.topSources().getFirst().source());
        assertEquals(19, r.topSources().getFirst().attempts());
        assertEquals(5, r.topSources().size());
        assertEquals(new AttackRecord.TextRow("anonymous", 60), r.users().getFirst());
        assertEquals(1, r.runs().size());
        assertTrue(r.runs().getFirst().stopped());

        AttackRecord since = AttackRecords.read(dao, START.plusSeconds(86_400L * 2), NOW, 5, false);
        assertEquals(12 + 19 + 1, since.attempts());   // FTP from hour 48 on, the RDP scanner, the IPv6 source
    }

    @Test
    void maskingMergesSourcesByNetworkAndHidesTheHost() {
        AttackRecord r = AttackRecords.read(dao, null, NOW, 10, true);
        List<String> shown = r.topSources().stream().map(AttackRecord.SourceRow::source).toList();
        assertEquals(List.of("203.0.113.x", "198.51.100.x", "192.0.2.x", "2001:db8:1::/48"), shown);
        assertEquals(60, r.topSources().getFirst().attempts());
        assertEquals(12, r.sources(), "the number of sources is counted before masking");
        String html = HtmlAttackRecord.render(r, new Texts(KnowledgeBase.builtin(), Lang.EN));
        for (String clear : List.of("203.0.113.0", "198.51.100.3", "192.0.2.200", "2001:db8:1:2::7")) {
            assertFalse(html.contains(clear), clear);
            assertFalse(JsonAttackRecord.render(r, new Texts(KnowledgeBase.builtin(), Lang.EN)).contains(clear), clear);
        }
        assertTrue(html.contains("Source addresses are masked for publication"));
    }

    @Test
    void theHtmlPageIsSelfContainedEscapedAndHasCharts() {
        String html = HtmlAttackRecord.render(AttackRecords.read(dao, null, NOW, 10, false), new Texts(KnowledgeBase.builtin(), Lang.EN));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertEquals(3, count(html, "<svg "), "per port, per day, top sources");
        assertFalse(Pattern.compile("(?i)<script|\\ssrc=|\\shref=|url\\(|@import|https?://").matcher(html).find(), "no script, no external resource");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("admin&lt;b&gt;"));
        assertTrue(html.contains("Network attack record"));
        assertTrue(html.contains("2 connections could not be recorded"));
        assertTrue(html.contains("--mask-sources"), "tells how to publish safely");
        assertTrue(html.contains("FTP"), "ports carry their usual service's name");
    }

    @Test
    void japaneseLabels() {
        Texts ja = new Texts(KnowledgeBase.builtin(), Lang.JA);
        String html = HtmlAttackRecord.render(AttackRecords.read(dao, null, NOW, 10, false), ja);
        assertTrue(html.contains("<html lang=\"ja\">"));
        assertTrue(html.contains("ネットワーク攻撃記録"));
        assertTrue(html.contains("ポート別の試行回数"));
        String text = TextAttackRecord.render(AttackRecords.read(dao, null, NOW, 10, false), ja);
        assertTrue(text.contains("12 か所の接続元から 120 回の試行"), text);
    }

    @Test
    void textAndJsonCarryTheSameNumbers() throws Exception {
        AttackRecord r = AttackRecords.read(dao, null, NOW, 3, false);
        Texts en = new Texts(KnowledgeBase.builtin(), Lang.EN);
        String text = TextAttackRecord.render(r, en);
        assertTrue(text.startsWith("Network attack record\n"), text);
        assertTrue(text.contains("120 attempts from 12 sources"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+21\\s+FTP.*\\s+60\\s+6\\s+2025-03-01 00:00 UTC.*")), text);
        JsonNode json = new ObjectMapper().readTree(JsonAttackRecord.render(r, en));
        assertEquals("vantage-attack-record", json.get("kind").asText());
        assertEquals(120, json.get("attempts").asLong());
        assertEquals(2, json.get("dropped").asLong());
        assertEquals(21, json.get("ports").get(0).get("port").asInt());
        assertEquals("ftp", json.get("ports").get(0).get("service").asText());
        assertEquals(3, json.get("top_sources").size());
        assertEquals(4, json.get("days").size());
        assertTrue(json.get("since").isNull());
    }

    @Test
    void anEmptyStoreSaysSo() throws Exception {
        try (Store empty = Store.open(StoreConfig.inDataDir(dir.resolve("empty")))) {
            AttackRecord r = AttackRecords.read(new DecoyDao(empty.jdbi()), null, NOW, 10, false);
            assertEquals(0, r.attempts());
            assertTrue(TextAttackRecord.render(r, new Texts(KnowledgeBase.builtin(), Lang.EN)).contains("No attempts were recorded in this period."));
            assertTrue(HtmlAttackRecord.render(r, new Texts(KnowledgeBase.builtin(), Lang.EN)).contains("No attempts were recorded"));
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    private static DecoyEvent event(UUID run, String source, int port, Instant when, String firstLine, String user) {
        byte[] bytes = firstLine.getBytes(StandardCharsets.UTF_8);
        return new DecoyEvent(UUID.randomUUID(), run, when, source, 50000, "192.0.2.1", port, port == 21 ? "ftp" : "telnet",
                DecoyOutcome.RECORDED, 1, bytes.length, bytes, firstLine, user == null ? List.of() : List.of(DecoyCredential.userOnly(user)));
    }
}
