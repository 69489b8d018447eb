package dev.vantage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A policy with intended exposure and overrides, against a real loopback scan: the deviations
 * come out as expected, the owner's view sits beside the stock rating, --fail-on exits 3.
 */
class PolicyDeviationTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private int listen() throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        open.add(s);
        List<Socket> held = new ArrayList<>();
        open.add(() -> { for (Socket c : held) c.close(); });
        Thread.ofVirtual().start(() -> {
            try {
                while (true) held.add(s.accept());
            } catch (Exception e) {
                // closed at the end
            }
        });
        return s.getLocalPort();
    }

    private static int free() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Test
    void deviationsAndOwnerViewsOnALoopbackScan(@TempDir Path dir) throws Exception {
        int intended = listen();        // meant to answer from anywhere: fine
        int unexpected = listen();      // not in the policy: policy-unexpected-open
        int officeOnly = listen();      // meant for 198.18.1.0/24 only, but answers here: policy-vantage-excluded
        int missing = free();           // meant to answer, but closed: policy-intended-unreachable
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                hosts:
                  - name: home server
                    addresses: [127.0.0.1]
                    ports:
                      - %d
                      - port: %d
                        from: [198.18.1.0/24]
                      - %d
                overrides:
                  - port: %d
                    risk: high
                    note: nothing should listen here at all
                """.formatted(intended, officeOnly, missing, unexpected));
        String ports = intended + "," + unexpected + "," + officeOnly + "," + missing;
        CliRun run = CliRun.of("check", "--policy", policy.toString(), "-p", ports, "--format", "json", "127.0.0.1");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode host = new ObjectMapper().readTree(run.out()).get("hosts").get(0);
        assertEquals("home server", host.get("label").asText());
        Map<Integer, String> deviations = new HashMap<>();
        for (JsonNode d : host.get("deviations")) deviations.put(d.get("port").asInt(), d.get("kind").asText());
        assertEquals(Map.of(unexpected, "policy-unexpected-open", officeOnly, "policy-vantage-excluded",
                missing, "policy-intended-unreachable"), deviations);
        for (JsonNode p : host.get("ports")) {
            if (p.get("port").asInt() == unexpected) {
                assertEquals("high", p.get("risk").get("owner").get("risk").asText());
                assertEquals("nothing should listen here at all", p.get("risk").get("owner").get("note").asText());
                assertEquals("high", p.get("risk").get("effective").asText());
                assertTrue(p.get("risk").has("stock"), "the stock rating stays beside the owner's");
            }
        }
    }

    @Test
    void failOnExitsThreeOnlyWhenAFindingRemains(@TempDir Path dir) throws Exception {
        // No finding on a bare loopback listener: --fail-on low passes.
        int port = listen();
        CliRun clean = CliRun.of("check", "-p", String.valueOf(port), "--fail-on", "low", "127.0.0.1");
        assertEquals(0, clean.exitCode(), clean.err());
        CliRun bad = CliRun.of("check", "-p", String.valueOf(port), "--fail-on", "severe", "127.0.0.1");
        assertEquals(2, bad.exitCode());
    }
}
