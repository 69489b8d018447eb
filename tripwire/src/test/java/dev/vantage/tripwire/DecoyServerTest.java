package dev.vantage.tripwire;

import dev.vantage.store.Store;
import dev.vantage.store.StoreConfig;
import dev.vantage.store.decoy.DecoyCredential;
import dev.vantage.store.decoy.DecoyDao;
import dev.vantage.store.decoy.DecoyEvent;
import dev.vantage.store.decoy.DecoyOutcome;
import dev.vantage.tripwire.report.AttackRecord;
import dev.vantage.tripwire.report.AttackRecords;
import dev.vantage.tripwire.session.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tripwire on loopback with an H2 file: bounded clients speak TELNET, FTP, SMTP, HTTP, SSH
 * and garbage to it; the store and the JSON-lines log hold what they did, and no password in clear.
 */
class DecoyServerTest {
    private static final String TELNET_PW = "Telnet-Pw-7431";
    private static final String FTP_PW = "Ftp-Pw-5519";
    private static final String HTTP_PW = "Http-Pw-2287";
    private static final String SMTP_PW = "Smtp-Pw-9902";
    private static final List<String> PASSWORDS = List.of(TELNET_PW, FTP_PW, HTTP_PW, SMTP_PW);

    @TempDir
    Path dir;

    @Test
    void recordsWhatEachClientTriedAndNeverAPassword() throws Exception {
        int[] free = TestClient.freePorts(6);
        int telnet = free[0];
        int ftp = free[1];
        int http = free[2];
        int silent = free[3];
        int smtp = free[4];
        int ssh = free[5];
        Map<Integer, Banner> ports = new TreeMap<>(Map.of(telnet, Banner.TELNET, ftp, Banner.FTP, http, Banner.HTTP, silent, Banner.NONE,
                smtp, Banner.SMTP, ssh, Banner.SSH));
        TripwireConfig config = TripwireConfig.of(ports).withBind(InetAddress.getLoopbackAddress());
        Path log = dir.resolve("log/events.jsonl");
        byte[] garbage = {0x16, 0x03, 0x01, 0x00, (byte) 0xff, (byte) 0xfe, 'x', 0, '\r', '\n', (byte) 0x80};
        Map<Integer, Integer> clientPorts = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        byte[] salt;

        try (Store store = Store.open(StoreConfig.inDataDir(dir.resolve("data")))) {
            DecoyDao dao = new DecoyDao(store.jdbi());
            Instant before = Instant.now();
            try (Tripwire tripwire = Tripwire.start(config, dao, log, warnings::add, Clock.systemUTC())) {
                try (TestClient c = new TestClient(telnet)) {
                    clientPorts.put(telnet, c.localPort());
                    c.readUntil("login: ");
                    c.send(new byte[] {(byte) 0xff, (byte) 0xfd, 0x01, (byte) 0xff, (byte) 0xfb, 0x1f});   // IAC DO ECHO, IAC WILL NAWS
                    c.send("root\r\n");
                    c.readUntil("Password: ");
                    c.send(TELNET_PW + "\r\n");
                    c.readUntil("Login incorrect");
                }
                try (TestClient c = new TestClient(ftp)) {
                    clientPorts.put(ftp, c.localPort());
                    c.readUntil("220 ");
                    c.send("USER admin\r\n");
                    c.readUntil("331 ");
                    c.send("PASS " + FTP_PW + "\r\n");
                    c.readUntil("530 ");
                    c.send("QUIT\r\n");
                    c.readToEnd();
                }
                try (TestClient c = new TestClient(http)) {
                    clientPorts.put(http, c.localPort());
                    String basic = Base64.getEncoder().encodeToString(("webadmin:" + HTTP_PW).getBytes(StandardCharsets.US_ASCII));
                    c.send("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: vantage-test-bot/1.0\r\nAuthorization: Basic " + basic + "\r\n\r\n");
                    assertTrue(c.readToEnd().startsWith("HTTP/1.1 401 Unauthorized"));
                }
                try (TestClient c = new TestClient(silent)) {
                    clientPorts.put(silent, c.localPort());
                    c.send(garbage);
                }
                try (TestClient c = new TestClient(smtp)) {
                    clientPorts.put(smtp, c.localPort());
                    c.readUntil("220 ");
                    c.send("EHLO bot\r\n");
                    c.readUntil("250 SMTPUTF8");
                    c.send("AUTH PLAIN " + Base64.getEncoder().encodeToString(("\0sales\0" + SMTP_PW).getBytes(StandardCharsets.US_ASCII)) + "\r\n");
                    c.readUntil("535 ");
                }
                try (TestClient c = new TestClient(ssh)) {
                    clientPorts.put(ssh, c.localPort());
                    c.readUntil("SSH-2.0-OpenSSH");
                    c.send("SSH-2.0-libssh_0.9.6\r\n");
                    c.readToEnd();
                }
                awaitStored(tripwire, 6);
                DecoyStats stats = tripwire.stats();
                assertEquals(6, stats.accepted());
                assertEquals(6, stats.served());
                assertEquals(0, stats.dropped());
            }
            assertEquals(List.of(), warnings);
            salt = dao.passwordSalt();
            PasswordHasher hasher = new PasswordHasher(salt);
            List<DecoyEvent> events = dao.recentEvents(before, 100);
            assertEquals(6, events.size());
            for (DecoyEvent e : events) {
                assertEquals("127.0.0.1", e.sourceAddress());
                assertEquals("127.0.0.1", e.hostAddress());
                assertEquals((int) clientPorts.get(e.port()), e.sourcePort());
                assertEquals(DecoyOutcome.RECORDED, e.outcome());
                assertEquals(ports.get(e.port()).label(), e.banner());
            }

            DecoyEvent t = only(events, e -> e.port() == telnet);
            assertEquals("root", t.firstLine());
            assertTrue(latin1(t.firstBytes()).startsWith("\u00ff\u00fd\u0001\u00ff\u00fb\u001froot\r\n[password removed, 14 bytes]\r\n"),
                    latin1(t.firstBytes()));
            assertEquals(List.of(new DecoyCredential("root", hasher.hash(TELNET_PW.getBytes(StandardCharsets.US_ASCII)), TELNET_PW.length())),
                    t.credentials());

            DecoyEvent f = only(events, e -> e.port() == ftp);
            assertEquals("USER admin", f.firstLine());
            assertEquals("USER admin\r\nPASS [password removed, 11 bytes]\r\nQUIT\r\n", latin1(f.firstBytes()));
            assertEquals(new DecoyCredential("admin", hasher.hash(FTP_PW.getBytes(StandardCharsets.US_ASCII)), FTP_PW.length()),
                    f.credentials().getFirst());

            DecoyEvent h = only(events, e -> e.port() == http);
            assertEquals("GET /index.html HTTP/1.1", h.firstLine());
            assertTrue(latin1(h.firstBytes()).contains("\r\nUser-Agent: vantage-test-bot/1.0\r\n"), latin1(h.firstBytes()));
            assertEquals("webadmin", h.credentials().getFirst().user());

            DecoyEvent g = only(events, e -> e.port() == silent);
            assertArrayEquals(garbage, g.firstBytes());
            assertEquals(garbage.length, g.bytesReceived());
            assertTrue(g.credentials().isEmpty());

            DecoyEvent m = only(events, e -> e.port() == smtp);
            assertEquals("EHLO bot", m.firstLine());
            assertEquals("sales", m.credentials().getFirst().user());

            DecoyEvent s = only(events, e -> e.port() == ssh);
            assertEquals("SSH-2.0-libssh_0.9.6", s.firstLine());

            // The summary numbers.
            AttackRecord r = AttackRecords.read(dao, before.minusSeconds(1), Instant.now(), 10, false);
            assertEquals(6, r.attempts());
            assertEquals(1, r.sources());
            assertEquals(6, r.ports().size());
            assertTrue(r.ports().stream().allMatch(p -> p.attempts() == 1 && p.sources() == 1));
            assertEquals("127.0.0.1", r.topSources().getFirst().source());
            assertEquals(6, r.topSources().getFirst().ports());
            assertEquals(0, r.dropped());
            assertEquals(List.of("admin", "root", "sales", "webadmin"), r.users().stream().map(AttackRecord.TextRow::text).sorted().toList());
            assertEquals(1, r.runs().size());
            assertTrue(r.runs().getFirst().stopped());

            // No password in clear anywhere in the database (every table, as SQL) ...
            List<String> script = store.jdbi().withHandle(hd -> hd.createQuery("SCRIPT").mapTo(String.class).list());
            String dump = String.join("\n", script);
            assertTrue(dump.contains("INSERT INTO \"PUBLIC\".\"DECOY_EVENT\""), "the dump covers the events");
            assertTrue(dump.toLowerCase().contains(HexFormat.of().formatHex("vantage-test-bot".getBytes(StandardCharsets.US_ASCII))), "binary columns are in the dump as hex");
            for (String pw : PASSWORDS) {
                assertFalse(dump.contains(pw), pw + " in the database");
                assertFalse(dump.toLowerCase().contains(HexFormat.of().formatHex(pw.getBytes(StandardCharsets.US_ASCII))), pw + " in a binary column");
            }
        }
        // ... nor in the database file itself, nor in the JSON-lines log.
        byte[] file = Files.readAllBytes(dir.resolve("data/vantage.mv.db"));
        String logText = Files.readString(log);
        assertEquals(6, logText.lines().count());
        assertTrue(logText.contains("\"user\":\"root\""), logText);
        assertTrue(logText.contains("\"password_length\":14"), logText);
        for (String pw : PASSWORDS) {
            assertFalse(latin1(file).contains(pw), pw + " in the database file");
            assertFalse(logText.contains(pw), pw + " in the log");
            assertFalse(logText.contains(Base64.getEncoder().encodeToString(pw.getBytes(StandardCharsets.US_ASCII))), pw + " in the log as base64");
        }
    }

    @Test
    void overCapacityAndRateLimitedConnectionsAreClosedAtOnceButCounted() throws Exception {
        int port = TestClient.freePort();
        TripwireConfig config = TripwireConfig.of(Map.of(port, Banner.NONE)).withBind(InetAddress.getLoopbackAddress())
                .withMaxConnections(1).withSourceRate(0.001, 3).withSessionTimeout(Duration.ofSeconds(3));
        try (Store store = Store.open(StoreConfig.inDataDir(dir))) {
            DecoyDao dao = new DecoyDao(store.jdbi());
            Instant before = Instant.now();
            try (Tripwire tripwire = Tripwire.start(config, dao, null, w -> { }, Clock.systemUTC())) {
                try (TestClient holder = new TestClient(port)) {
                    holder.send("hold");
                    awaitOpen(tripwire, 1);
                    try (TestClient second = new TestClient(port)) {          // over capacity: closed at once
                        second.readToEnd();
                    }
                }
                awaitOpen(tripwire, 0);
                for (int i = 0; i < 4; i++) {                                  // one token left, then rate-limited
                    try (TestClient c = new TestClient(port)) {
                        c.send("x" + i);
                        c.readToEnd();
                    }
                }
                awaitStored(tripwire, 6);
                DecoyStats stats = tripwire.stats();
                assertEquals(6, stats.accepted());
                assertEquals(2, stats.served());
                assertEquals(1, stats.overCapacity());
                assertEquals(3, stats.rateLimited());
            }
            List<DecoyEvent> events = dao.recentEvents(before, 100);
            assertEquals(6, events.stream().mapToInt(DecoyEvent::attempts).sum(), "every connection counted");
            assertEquals(1, events.stream().filter(e -> e.outcome() == DecoyOutcome.OVER_CAPACITY).count());
            assertEquals(3, events.stream().filter(e -> e.outcome() == DecoyOutcome.RATE_LIMITED).mapToInt(DecoyEvent::attempts).sum());
            assertEquals(6, AttackRecords.read(dao, null, Instant.now(), 10, false).attempts());
        }
    }

    @Test
    void aPortInUseIsRefusedInOneSentence() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            TripwireConfig config = TripwireConfig.of(Map.of(port, Banner.NONE)).withBind(InetAddress.getLoopbackAddress());
            dev.vantage.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(dev.vantage.BadInputException.class,
                    () -> DecoyServer.bind(config));
            assertEquals("Port " + port + " on 127.0.0.1 is already in use; stop the program listening there or choose another decoy port.",
                    e.getMessage());
        }
    }

    @Test
    void aPrivilegedPortWithoutTheCapabilityGetsTheCapabilityRoute() {
        String m = DecoyServer.explainBindFailure(null, 23, new java.net.BindException("Permission denied"));
        assertTrue(m.startsWith("Port 23 is below 1024, which takes privilege to bind: run the tripwire as an ordinary user that has the"
                + " CAP_NET_BIND_SERVICE capability"), m);
        assertTrue(m.contains("AmbientCapabilities=CAP_NET_BIND_SERVICE") && m.contains("setcap cap_net_bind_service=+ep"), m);
        assertTrue(m.endsWith(".") && !m.substring(0, m.length() - 1).contains(". "), "one sentence: " + m);
    }

    private static DecoyEvent only(List<DecoyEvent> events, Predicate<DecoyEvent> which) {
        List<DecoyEvent> found = events.stream().filter(which).toList();
        assertEquals(1, found.size(), found.toString());
        return found.getFirst();
    }

    static void awaitStored(Tripwire t, long n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (t.stats().stored() + t.stats().dropped() < n && System.nanoTime() < deadline) Thread.sleep(20);
    }

    private static void awaitOpen(Tripwire t, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (t.stats().open() != n && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(n, t.stats().open());
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
