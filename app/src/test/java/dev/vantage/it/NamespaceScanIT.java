package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scanner inside its own namespace (no route anywhere but the test link) against a target
 * namespace whose iptables drop, reject and lose packets: filtered must mean "no answer after the
 * retries" or an ICMP unreachable, and a lost SYN must not hide an open port.
 *
 * <pre>
 *  vt-it-scan 198.18.0.10/24 ──veth── vt-it-tgt 198.18.0.20/24
 * </pre>
 */
class NamespaceScanIT {
    private static final String SCAN = "vt-it-scan";
    private static final String TARGET = "vt-it-tgt";
    private static final String TARGET_IP = "198.18.0.20";
    private static Netns net;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(Netns.usable(), "needs root, ip and iptables");
        net = new Netns();
        net.scannerAndTarget(SCAN, TARGET, "198.18.0");
        String[] rules = {
            "-p tcp --dport 81 -j DROP",
            "-p tcp --dport 82 -j REJECT --reject-with icmp-admin-prohibited",
            "-p tcp --dport 83 -j REJECT --reject-with icmp-host-unreachable",
            "-p tcp --dport 84 -j REJECT --reject-with tcp-reset",
            // Lose every other SYN to 9000-9019: with one attempt in flight at a time, exactly
            // the first attempt of each port vanishes and the retransmission gets through.
            "-p tcp --syn --dport 9000:9019 -m statistic --mode nth --every 2 --packet 0 -j DROP",
        };
        for (String rule : rules) {
            String[] cmd = ("iptables -A INPUT " + rule).split(" ");
            net.exec(TARGET, cmd);
        }
        net.startListeners(TARGET, "80,81,82,83,84,9000,9001,9002,9003,9004,9005,9006,9007,9008,9009,9010,9011,9012,9013,9014,9015,9016,9017,9018,9019", "23");
    }

    @AfterAll
    static void down() {
        if (net != null) net.close();
    }

    private static JsonNode check(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Netns.java(), "-jar", Netns.jar(), "check", "--format", "json", "--show-all"));
        cmd.addAll(List.of(args));
        Netns.Result r = net.execAllowingFailure(120, SCAN, cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static Map<Integer, JsonNode> ports(JsonNode result) {
        Map<Integer, JsonNode> m = new HashMap<>();
        for (JsonNode p : result.get("hosts").get(0).get("ports")) m.put(p.get("port").asInt(), p);
        return m;
    }

    @Test
    void statesAndReasonsFromAcrossTheLink() throws Exception {
        Map<Integer, JsonNode> p = ports(check("-p", "23,80-85", TARGET_IP));
        assertState(p, 80, "open", "syn-ack");
        assertState(p, 23, "open-restricted", "closed-at-once");
        assertState(p, 81, "filtered", "no-response");
        assertEquals(3, p.get(81).get("attempts").asInt(), "first attempt and two retransmissions");
        assertState(p, 82, "filtered", "host-unreach");
        assertState(p, 83, "filtered", "host-unreach");
        assertState(p, 84, "closed", "conn-refused");
        assertState(p, 85, "closed", "conn-refused");
    }

    @Test
    void aLostSynIsRetransmittedAndTheOpenPortFound() throws Exception {
        JsonNode result = check("-p", "9000-9019", "--host-parallelism", "1", "--initial-rtt-timeout", "300", TARGET_IP);
        Map<Integer, JsonNode> p = ports(result);
        for (int port = 9000; port <= 9019; port++) {
            assertState(p, port, "open", "syn-ack");
            assertEquals(2, p.get(port).get("attempts").asInt(), "port " + port);
        }
        assertEquals(20, result.get("retransmissions").asInt());
    }

    @Test
    void noRouteIsFilteredAtOnce() throws Exception {
        // 198.19.0.99 is in the benchmark range but the scanner's namespace has no route to it.
        JsonNode result = check("-p", "80", "198.19.0.99");
        assertState(ports(result), 80, "filtered", "net-unreach");
        assertTrue(result.get("elapsed_ms").asLong() < 1000);
    }

    private static void assertState(Map<Integer, JsonNode> ports, int port, String state, String reason) {
        JsonNode p = ports.get(port);
        assertEquals(state, p.get("state").asText(), "state of port " + port + ": " + p);
        assertEquals(reason, p.get("reason").asText(), "reason of port " + port + ": " + p);
    }
}
