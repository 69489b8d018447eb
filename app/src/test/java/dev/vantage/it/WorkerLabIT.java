package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.target.Cidr;
import dev.vantage.server.ServerConfig;
import dev.vantage.server.VantageServer;
import dev.vantage.server.security.Scope;
import dev.vantage.store.StoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One service, two workers at two places of the lab ({@code lab/up}): one in {@code vlab-outside}
 * (198.18.0.10), one in {@code vlab-allowed} (198.18.1.10), both on the service's PostgreSQL. One
 * order for both vantages against the lab's login server: its FTP and SSH are served to the
 * allowed place and open-restricted (the handshake, then an at-once close by the xinetd/tcpwrappers
 * rules) from outside, side by side in one report, and the owner's policy ("21, 22, 23 from
 * 198.18.1.0/24 only") holds at both.
 *
 * <p>The workers reach the database through a socat relay inside their namespace, from the
 * namespace's loopback to PostgreSQL's Unix socket (the file system is shared), so no namespace
 * gets a route out. The service proves control by a DNS TXT record served by a dnsmasq on the
 * host's loopback; the workers resolve the target with the lab's own DNS server (198.19.0.2).
 */
class WorkerLabIT {
    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    private static final String HOST = "login.lab.test";
    private static final List<AutoCloseable> open = new ArrayList<>();
    private static PostgresCluster postgres;
    private static Path dir;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(Netns.usable(), "the lab needs root, ip and iptables");
        assumeTrue(PostgresCluster.binaries().isPresent(), "needs postgresql and root");
        assumeTrue(MailDaemon.usable("/usr/sbin/dnsmasq", "/usr/bin/socat"), "needs dnsmasq-base and socat");
        Netns.Result r = Netns.run(900, REPO.resolve("lab/up").toString());
        assertEquals(0, r.exitCode(), "lab/up failed:\n" + r.out() + r.err());
        postgres = PostgresCluster.start("vantage-worker-lab-pg");
        dir = MailDaemon.sharedTempDir("vantage-worker-lab");
    }

    @AfterAll
    static void down() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                System.err.println("closing: " + e);
            }
        }
        if (postgres != null) postgres.close();
        if (dir != null) MailDaemon.deleteTree(dir);
        if (Netns.usable()) Netns.run(120, REPO.resolve("lab/down").toString());
    }

    @Test
    void oneOrderAtTwoVantagesShowsTheLoginServerServedToTheAllowedPlaceOnly() throws Exception {
        String db = postgres.freshDatabase("worker_lab");
        int dns = freeUdpPort();
        ServerConfig config = ServerConfig.builder(StoreConfig.of(db)).listen("127.0.0.1", 0)
                .scope(new Scope(List.of(Cidr.parse("198.19.0.3/32")), List.of())).worker(false).vantageName("outside")
                .dnsServer("127.0.0.1:" + dns).pollingInterval(Duration.ofMillis(300)).argon(1024, 1).build();
        try (VantageServer service = VantageServer.start(config)) {
            ServiceClient api = new ServiceClient(service.baseUrl()).account("lab-owner@example.org");
            names(dns, null);
            ServiceClient.Reply added = api.post("/targets", Map.of("host", HOST));
            assertEquals(201, added.status(), added.body());
            String target = added.json().path("id").asText();
            names(dns, added.json().path("challenge").asText());
            ServiceClient.Reply proven = api.post("/targets/" + target + "/verify", Map.of("method", "dns"));
            assertEquals(200, proven.status(), proven.body());

            WorkerProcess outside = worker("outside", db);
            WorkerProcess allowed = worker("allowed", db);
            String policy = "hosts:\n  - name: login server\n    addresses: [198.19.0.3]\n    ports:\n"
                    + "      - {port: 21, from: [198.18.1.0/24]}\n      - {port: 22, from: [198.18.1.0/24]}\n"
                    + "      - {port: 23, from: [198.18.1.0/24]}\n";
            ServiceClient.Reply placed = api.post("/orders", Map.of("target", target, "level", 1, "ports", "21,22,23,3389",
                    "policy", policy, "vantages", "outside,allowed"));
            assertEquals(202, placed.status(), placed.body());
            JsonNode done = api.awaitOrder(placed.json().path("id").asText(), Duration.ofSeconds(120));
            assertEquals("done", done.path("status").asText(), done + "\noutside: " + outside.log() + "\nallowed: " + allowed.log());
            Map<String, String> ranOn = new HashMap<>();
            for (JsonNode run : done.path("runs")) ranOn.put(run.path("vantage").asText(), run.path("worker").asText());
            assertEquals(Map.of("outside", outside.id, "allowed", allowed.id), ranOn, "each vantage's run on its own worker");

            String report = done.path("report").asText();
            JsonNode json = api.get("/reports/" + report).json();
            Map<String, JsonNode> byVantage = new HashMap<>();
            for (JsonNode r : json.path("results")) byVantage.put(r.path("vantage").asText(), r.path("result").path("hosts").get(0));
            assertEquals(2, byVantage.size(), json.toString());
            for (int port : List.of(21, 22)) {
                assertEquals("open", state(byVantage.get("allowed"), port), "port " + port + " from the allowed place");
                assertEquals("open-restricted", state(byVantage.get("outside"), port), "port " + port + " from outside");
            }
            assertEquals("198.18.1.10", byVantage.get("allowed").path("source").asText());
            assertEquals("198.18.0.10", byVantage.get("outside").path("source").asText());
            for (JsonNode host : byVantage.values()) {
                for (JsonNode d : host.path("deviations")) {
                    assertTrue(d.path("port").asInt() > 23, "the policy holds at both vantages: " + host);
                }
            }
            String text = api.get("/reports/" + report + "/text").body();
            assertTrue(text.contains("login server @ outside") && text.contains("login server @ allowed"), text);
            assertTrue(text.contains("open-restricted"), text);
        }
    }

    private static String state(JsonNode host, int port) {
        for (JsonNode p : host.path("ports")) if (p.path("port").asInt() == port) return p.path("state").asText();
        return "not listed (" + host.path("closed") + " / " + host.path("filtered") + ")";
    }

    /** A worker in vlab-NAME, reaching the database through a relay on that namespace's loopback. */
    private static WorkerProcess worker(String name, String db) throws Exception {
        int port = postgres.port();
        MailDaemon relay = MailDaemon.start("socat-" + name, dir.resolve("socat-" + name + ".log"), "ip", "netns", "exec", "vlab-" + name,
                "/usr/bin/socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork", "UNIX-CONNECT:" + postgres.socket());
        open.add(relay);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Netns.run(10, "ip", "netns", "exec", "vlab-" + name, "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port).exitCode() != 0) {
            if (System.nanoTime() > end) throw new IllegalStateException("the relay in vlab-" + name + " does not listen: " + relay.tail());
            Thread.sleep(100);
        }
        WorkerProcess w = WorkerProcess.start("vlab-" + name, db, name, "--jobs", "2", "--allow", "198.19.0.3/32",
                "--dns", "198.19.0.2:53", "--poll", "300", "--heartbeat", "2");
        open.add(w);
        return w;
    }

    private static MailDaemon dnsmasq;

    /** (Re)starts dnsmasq on the host's loopback answering HOST, with the TXT proof if given. */
    private static void names(int port, String txt) throws Exception {
        if (dnsmasq != null) dnsmasq.close();
        List<String> cmd = new ArrayList<>(List.of("/usr/sbin/dnsmasq", "-k", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
                "--bind-interfaces", "--listen-address=127.0.0.1", "--port=" + port, "--user=nobody", "--pid-file=",
                "--address=/" + HOST + "/198.19.0.3"));
        if (txt != null) cmd.add("--txt-record=_vantage-challenge." + HOST + "," + txt);
        dnsmasq = MailDaemon.start("dnsmasq", dir.resolve("dnsmasq.log"), cmd.toArray(String[]::new));
        open.add(dnsmasq::close);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Netns.Result r = Netns.run(10, "dig", "+short", "+time=1", "+tries=1", "@127.0.0.1", "-p", String.valueOf(port),
                    txt == null ? HOST : "_vantage-challenge." + HOST, txt == null ? "A" : "TXT");
            if (r.exitCode() == 0 && r.out().contains(txt == null ? "198.19.0.3" : txt)) return;
            if (System.nanoTime() > end) throw new IllegalStateException("dnsmasq does not answer: " + dnsmasq.tail());
            Thread.sleep(100);
        }
    }

    /** A loopback port free for UDP and for TCP alike (dnsmasq listens on both; a CI run once found the TCP side taken). */
    private static int freeUdpPort() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            try (java.net.ServerSocket tcp = new java.net.ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (java.io.IOException takenForTcp) {
                // try another
            }
        }
        throw new IllegalStateException("no loopback port free for both UDP and TCP after 50 tries");
    }
}
