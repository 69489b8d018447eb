package dev.vantage.store.decoy;

import dev.vantage.store.Store;
import dev.vantage.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecoyDaoTest {
    private static final Instant DAY1 = Instant.parse("2025-03-01T23:59:00Z");
    private static final Instant DAY2 = Instant.parse("2025-03-02T00:01:00Z");
    private static final String HASH = "a".repeat(64);

    @TempDir
    java.nio.file.Path dir;
    private Store store;
    private DecoyDao dao;
    private final UUID run = UUID.randomUUID();

    @BeforeEach
    void open() {
        store = Store.open(StoreConfig.inDataDir(dir));
        dao = new DecoyDao(store.jdbi());
        dao.startRun(new DecoyRun(run, DAY1.minusSeconds(3600), DAY1, null, "21,23", "21=ftp,23=telnet", 0, 0));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eventsAndTheirCredentialsComeBackAsStored() {
        byte[] bytes = {(byte) 0xff, (byte) 0xfd, 0x01, 'r', 'o', 'o', 't', '\r', '\n', 0};
        DecoyEvent e = event("198.51.100.7", 23, DAY1, DecoyOutcome.RECORDED, 1, bytes, "root",
                List.of(new DecoyCredential("root", HASH, 6), DecoyCredential.userOnly("admin")));
        dao.insert(List.of(e));
        DecoyEvent back = dao.recentEvents(Instant.EPOCH, 10).getFirst();
        assertEquals(e.id(), back.id());
        assertEquals(DAY1, back.seenAt());
        assertArrayEquals(bytes, back.firstBytes());
        assertEquals(e.credentials(), back.credentials());
        assertEquals("198.51.100.7", back.sourceAddress());
        assertEquals(DecoyOutcome.RECORDED, back.outcome());
    }

    @Test
    void summariesCountAttemptsSourcesPortsAndUtcDays() {
        List<DecoyEvent> events = new ArrayList<>();
        events.add(event("198.51.100.7", 23, DAY1, DecoyOutcome.RECORDED, 1, new byte[0], "root", List.of(new DecoyCredential("root", HASH, 4))));
        events.add(event("198.51.100.7", 21, DAY2, DecoyOutcome.RECORDED, 1, new byte[0], "USER admin", List.of(DecoyCredential.userOnly("admin"))));
        events.add(event("203.0.113.9", 23, DAY2, DecoyOutcome.RATE_LIMITED, 40, new byte[0], null, List.of()));
        events.add(event("2001:db8::1", 23, DAY2.plusSeconds(60), DecoyOutcome.RECORDED, 1, new byte[0], "root",
                List.of(new DecoyCredential("root", HASH, 4))));
        dao.insert(events);

        DecoyCounts.Totals all = dao.totals(Instant.EPOCH);
        assertEquals(43, all.attempts());
        assertEquals(4, all.events());
        assertEquals(3, all.sources());
        assertEquals(DAY1, all.firstSeen());
        assertEquals(DAY2.plusSeconds(60), all.lastSeen());

        List<DecoyCounts.PerPort> ports = dao.perPort(Instant.EPOCH);
        assertEquals(23, ports.getFirst().port());
        assertEquals(42, ports.getFirst().attempts());
        assertEquals(3, ports.getFirst().sources());
        assertEquals(1, ports.get(1).attempts());

        assertEquals(List.of(new DecoyCounts.PerDay(LocalDate.of(2025, 3, 1), 1, 1), new DecoyCounts.PerDay(LocalDate.of(2025, 3, 2), 42, 3)),
                dao.perDay(Instant.EPOCH));

        List<DecoyCounts.PerSource> top = dao.topSources(Instant.EPOCH, 2);
        assertEquals("203.0.113.9", top.getFirst().address());
        assertEquals(40, top.getFirst().attempts());
        assertEquals(2, top.get(1).ports());

        assertEquals(List.of(new DecoyCounts.PerText("root", 2), new DecoyCounts.PerText("admin", 1)), dao.topUsers(Instant.EPOCH, 10));
        assertEquals(new DecoyCounts.PerText("root", 2), dao.topFirstLines(Instant.EPOCH, 10).getFirst());

        assertEquals(42, dao.totals(DAY2).attempts());
        DecoyCounts.Totals onHost = dao.attemptsOn(List.of("192.0.2.1"), 23, DAY2);
        assertEquals(41, onHost.attempts());
        assertEquals(2, onHost.sources());
        assertEquals(0, dao.attemptsOn(List.of("192.0.2.99"), 23, Instant.EPOCH).attempts());
        assertEquals(List.of(21, 23), new ArrayList<>(dao.watchedPorts()));

        List<DecoyCounts.PerSourcePort> pairs = new ArrayList<>();
        dao.forEachSourcePort(Instant.EPOCH, pairs::add);
        assertEquals(4, pairs.size());
    }

    @Test
    void runsCarryTheirHeartbeatAndDroppedCounter() {
        dao.updateRun(run, DAY2, null, 100, 0);
        dao.updateRun(run, DAY2.plusSeconds(5), DAY2.plusSeconds(5), 120, 7);
        DecoyRun r = dao.runs(Instant.EPOCH).getFirst();
        assertEquals(DAY2.plusSeconds(5), r.stoppedAt());
        assertEquals(120, r.connections());
        assertEquals(7, dao.dropped(Instant.EPOCH));
        assertEquals(0, dao.dropped(DAY2.plusSeconds(6)));
    }

    @Test
    void theSaltIsCreatedOnceAndKept() {
        byte[] salt = dao.passwordSalt();
        assertEquals(32, salt.length);
        assertArrayEquals(salt, new DecoyDao(store.jdbi()).passwordSalt());
    }

    @Test
    void somethingThatIsNotAHashCannotBeStoredAsOne() {
        assertThrows(IllegalArgumentException.class, () -> new DecoyCredential("root", "hunter2", 7));
    }

    @Test
    void anEmptyTotalHasNoFirstOrLastSeen() {
        DecoyCounts.Totals t = dao.totals(Instant.EPOCH);
        assertEquals(0, t.attempts());
        assertNull(t.firstSeen());
    }

    private DecoyEvent event(String source, int port, Instant when, DecoyOutcome outcome, int attempts, byte[] bytes, String firstLine,
                             List<DecoyCredential> creds) {
        return new DecoyEvent(UUID.randomUUID(), run, when, source, 40000, "192.0.2.1", port, port == 21 ? "ftp" : "telnet", outcome,
                attempts, bytes.length, bytes, firstLine == null ? null : new String(firstLine.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                creds);
    }
}
