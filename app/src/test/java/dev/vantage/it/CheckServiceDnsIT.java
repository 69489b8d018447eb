package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Proof of control by a DNS TXT record, and DNS rebinding caught when the job runs. Names come
 * from Debian's dnsmasq on a free loopback port (restarted with new records as the test goes);
 * the service ({@code vantage serve --dns ... --allow 127.0.0.1/32}) runs as its own process.
 * The name first points to 127.0.0.1 (allowed); after the order is taken it points to 127.0.0.2,
 * loopback but not allowed, and the worker must refuse to scan it. Nothing is ever sent to 127.0.0.2.
 */
class CheckServiceDnsIT {
    private static final String NAME = "app.vantage.test";
    private static Path dir;
    private static int dnsPort;
    private static MailDaemon dns;
    private final List<ServerSocket> listeners = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(MailDaemon.usable("/usr/sbin/dnsmasq"), "needs dnsmasq-base and root");
        dir = MailDaemon.sharedTempDir("vantage-serve-dns");
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            dnsPort = s.getLocalPort();
        }
    }

    @AfterEach
    void closeListeners() throws Exception {
        for (ServerSocket s : listeners) s.close();
    }

    @AfterAll
    static void stop() throws Exception {
        if (dns != null) dns.close();
        MailDaemon.deleteTree(dir);
    }

    /** (Re)starts dnsmasq answering NAME with the address, and the TXT record if given. */
    private static void names(String address, String txt) throws Exception {
        if (dns != null) dns.close();
        List<String> cmd = new ArrayList<>(List.of("/usr/sbin/dnsmasq", "-k", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
                "--bind-interfaces", "--listen-address=127.0.0.1", "--port=" + dnsPort, "--user=nobody", "--pid-file=",
                "--address=/" + NAME + "/" + address));
        if (txt != null) cmd.add("--txt-record=_vantage-challenge." + NAME + "," + txt);
        dns = MailDaemon.start("dnsmasq", dir.resolve("dnsmasq.log"), cmd.toArray(String[]::new));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!dig().contains(address)) {
            if (System.nanoTime() > end) throw new IllegalStateException("dnsmasq does not answer: " + dns.tail());
            Thread.sleep(100);
        }
    }

    /** What dnsmasq answers for NAME; "" while it is not listening yet (dig exits 9: connection refused). */
    private static String dig() throws Exception {
        try {
            return MailDaemon.run(10, "dig", "+short", "+time=1", "+tries=1", "@127.0.0.1", "-p", String.valueOf(dnsPort), NAME);
        } catch (IllegalStateException e) {
            if (e.getMessage().startsWith("timed out")) throw e;
            return "";
        }
    }

    @Test
    void aTxtRecordProvesControlAndRebindingIsCaughtWhenTheJobRuns() throws Exception {
        int open = ServiceClient.listener(listeners).getLocalPort();
        Path data = Files.createDirectories(dir.resolve("data"));
        String[] common = {"--dns", "127.0.0.1:" + dnsPort, "--allow", "127.0.0.1/32", "--scan-rate", "0"};
        names("127.0.0.1", null);
        String token;
        String target;
        String order;
        try (CheckService intake = CheckService.start(data, concat(common, "--no-worker"))) {
            ServiceClient api = new ServiceClient(intake.url("")).account("dns@example.org");
            token = api.token();
            ServiceClient.Reply added = api.post("/targets", Map.of("host", NAME));
            assertEquals(201, added.status(), added.body());
            target = added.json().path("id").asText();
            String challenge = added.json().path("challenge").asText();
            assertEquals("_vantage-challenge." + NAME, added.json().path("dns_record").asText());

            ServiceClient.Reply missing = api.post("/targets/" + target + "/verify", Map.of("method", "dns"));
            assertEquals(422, missing.status(), missing.body());
            assertEquals("ui.proof.dns_missing", missing.json().path("result").asText());
            names("127.0.0.1", "wrong-token");
            assertEquals(422, api.post("/targets/" + target + "/verify", Map.of("method", "dns")).status());
            names("127.0.0.1", challenge);
            ServiceClient.Reply proven = api.post("/targets/" + target + "/verify", Map.of("method", "dns"));
            assertEquals(200, proven.status(), proven.body());
            assertEquals("dns", proven.json().path("target").path("verified_method").asText());

            ServiceClient.Reply placed = api.post("/orders", Map.of("target", target, "level", 1, "ports", String.valueOf(open)));
            assertEquals(202, placed.status(), placed.body());
            order = placed.json().path("id").asText();

            // The name now points elsewhere: a new order is refused at once.
            names("127.0.0.2", challenge);
            ServiceClient.Reply refused = api.post("/orders", Map.of("target", target, "level", 1, "ports", String.valueOf(open)));
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.json().path("detail").asText().contains("127.0.0.2"));
        }
        // The order taken before the change is refused by the worker, on the address it would have scanned.
        try (CheckService worker = CheckService.start(data, common)) {
            ServiceClient api = new ServiceClient(worker.url("")).withToken(token);
            JsonNode o = api.awaitOrder(order, Duration.ofSeconds(60));
            assertEquals("failed", o.path("status").asText(), o.toString());
            assertTrue(o.path("error").asText().contains("127.0.0.2"), o.toString());
            String audit = api.get("/audit").body();
            assertTrue(audit.contains("at run time"), audit);

            // Pointing back to the allowed address, a check runs and finds the listener.
            names("127.0.0.1", null);
            ServiceClient.Reply again = api.post("/orders", Map.of("target", target, "level", 1, "ports", String.valueOf(open)));
            JsonNode done = api.awaitOrder(again.json().path("id").asText(), Duration.ofSeconds(60));
            assertEquals("done", done.path("status").asText(), done.toString());
            JsonNode result = api.get("/reports/" + done.path("report").asText()).json();
            assertEquals(NAME, result.path("hosts").get(0).path("name").asText());
            assertEquals("127.0.0.1", result.path("hosts").get(0).path("address").asText());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
