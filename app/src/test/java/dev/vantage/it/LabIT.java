package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lab of real Debian daemons ({@code lab/up}): from each vantage (outside, allowed place) and
 * in each variant, every TCP port's state, the service and product identified on open ports, and
 * each finding present when its misconfiguration is switched on and absent when it is not. The
 * expectations come from the lab itself ({@code /run/vantage-lab/expected.tsv}, written by
 * {@code lab/up} from what it configured and which package versions are installed).
 */
class LabIT {
    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    private static final String PORTS = "21,22,23,25,53,80,110,113,443,3389,6379,8080";
    /** The lab's names for misconfigurations → the knowledge-base finding ids the checks must report. */
    private static final Map<String, String> FINDING_IDS = Map.of(
            "smtp-open-relay", "smtp-open-relay", "smtp-vrfy", "smtp-vrfy-enabled", "ftp-anonymous", "ftp-anonymous",
            "ftp-anonymous-write", "ftp-anonymous-write", "dns-open-resolver", "dns-open-resolver",
            "dns-zone-transfer", "dns-zone-transfer", "redis-no-auth", "redis-no-auth", "tls-legacy-protocol", "tls-1.0");
    private static final List<String> failures = new ArrayList<>();

    record Expected(String vantage, String host, String address, int port, String proto, String state, String service,
                    String product, String version, String findings, String banner) {}

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Netns.usable(), "the lab needs root, ip and iptables");
        assumeTrue(Files.isExecutable(REPO.resolve("lab/up")), "lab scripts missing");
    }

    @AfterAll
    static void down() {
        if (Netns.usable()) Netns.run(120, REPO.resolve("lab/down").toString());
    }

    @Test
    void theDefaultLabIsSeenAsConfigured() throws Exception {
        compare("default");
    }

    @Test
    void everyMisconfigurationIsFoundWhenSwitchedOn() throws Exception {
        compare("open-relay", "vrfy", "anon-ftp-write", "open-resolver", "axfr", "redis", "tls10");
    }

    private static void compare(String... variants) throws Exception {
        List<String> up = new ArrayList<>(List.of(REPO.resolve("lab/up").toString()));
        up.addAll(List.of(variants));
        Netns.Result r = Netns.run(900, up.toArray(String[]::new));
        assertEquals(0, r.exitCode(), "lab/up failed:\n" + r.out() + r.err());
        List<Expected> expected = readExpected(Path.of("/run/vantage-lab/expected.tsv"));
        failures.clear();
        for (String vantage : List.of("outside", "allowed")) {
            Map<String, JsonNode> seen = check(vantage);
            for (Expected e : expected) {
                if (!e.vantage().equals(vantage)) continue;
                if (e.proto().equals("tcp")) compare(e, seen.get(e.address() + "/" + e.port()));
                else compareUdp(e, seen.get(e.address() + "/udp/" + e.port()));
            }
        }
        assertTrue(failures.isEmpty(), "variants " + String.join(" ", variants) + ":\n" + String.join("\n", failures));
    }

    private static Map<String, JsonNode> check(String vantage) throws Exception {
        Path out = Files.createTempFile("vantage-lab-" + vantage, ".json");
        try {
            Netns.Result r = Netns.run(600, REPO.resolve("lab/exec").toString(), vantage, Netns.java(), "-jar", Netns.jar(),
                    "check", "--level", "3", "--show-all", "-p", PORTS, "--format", "json", "-o", out.toString(),
                    "198.19.0.2", "198.19.0.3");
            assertEquals(0, r.exitCode(), r.err());
            Map<String, JsonNode> ports = new HashMap<>();
            for (JsonNode h : new ObjectMapper().readTree(out.toFile()).get("hosts")) {
                for (JsonNode p : h.get("ports")) {
                    if (p.get("protocol").asText().equals("tcp")) ports.put(h.get("address").asText() + "/" + p.get("port").asInt(), p);
                    else ports.put(h.get("address").asText() + "/udp/" + p.get("port").asInt(), p);
                }
            }
            return ports;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void compare(Expected e, JsonNode seen) {
        String where = e.vantage() + " " + e.host() + " " + e.port() + "/tcp";
        if (seen == null) {
            failures.add(where + ": not in the result");
            return;
        }
        String state = seen.get("state").asText();
        if (!state.equals(e.state())) failures.add(where + ": state " + state + ", expected " + e.state());
        if (!e.state().equals("open")) return;
        JsonNode service = seen.path("service");
        String name = service.path("name").asText("-");
        String expectedName = switch (e.service()) {
            case "domain" -> "dns";
            case "https" -> "http";   // we name the protocol and mark the TLS layer separately
            default -> e.service();
        };
        if (!expectedName.equals("-") && !name.equals(expectedName)) {
            failures.add(where + ": service " + name + ", expected " + expectedName);
        }
        if (e.service().equals("https") && !service.path("tls").asBoolean()) failures.add(where + ": TLS not noticed");
        // Product and version are compared where the daemon reveals them (its banner names them),
        // as nmap -sV would; oidentd and inetutils telnetd say nothing about themselves.
        String said = e.banner().toLowerCase(Locale.ROOT);
        String product = (service.path("product").asText("") + " " + service.path("version").asText("")).toLowerCase(Locale.ROOT);
        String wantProduct = e.product().toLowerCase(Locale.ROOT).replace("isc ", "");
        if (!e.product().equals("-") && said.contains(wantProduct.split(" ")[0]) && !product.contains(wantProduct)) {
            failures.add(where + ": product '" + product.strip() + "', expected " + e.product());
        }
        if (!e.version().equals("-") && said.contains(e.version()) && !product.contains(e.version())) {
            failures.add(where + ": version '" + product.strip() + "', expected " + e.version());
        }
        Set<String> found = new HashSet<>();
        for (JsonNode f : seen.path("findings")) found.add(f.get("id").asText());
        Set<String> wanted = new HashSet<>();
        if (!e.findings().equals("-")) {
            for (String f : e.findings().split(",")) wanted.add(FINDING_IDS.getOrDefault(f.strip(), f.strip()));
        }
        for (String f : wanted) if (!found.contains(f)) failures.add(where + ": missing finding " + f + " (found " + found + ")");
        for (String f : FINDING_IDS.values()) {
            if (found.contains(f) && !wanted.contains(f)) failures.add(where + ": finding " + f + " although that variant is off");
        }
    }

    /**
     * A UDP port: its state; where it answers, a service identified as found over UDP
     * ({@code transport=udp}), the DNS findings asked in datagrams ("over UDP" in the evidence), and
     * never a zone transfer (AXFR is TCP only, and belongs to the TCP port's row).
     */
    private static void compareUdp(Expected e, JsonNode seen) {
        String where = e.vantage() + " " + e.host() + " " + e.port() + "/udp";
        if (seen == null) {
            if (e.state().equals("open")) failures.add(where + ": not in the result");
            return;
        }
        String state = seen.get("state").asText();
        if (!state.equals(e.state())) failures.add(where + ": state " + state + ", expected " + e.state());
        if (!e.state().equals("open")) return;
        JsonNode service = seen.path("service");
        String expectedName = e.service().equals("domain") ? "dns" : e.service();
        if (!service.path("name").asText("-").equals(expectedName)) {
            failures.add(where + ": service " + service.path("name").asText("-") + ", expected " + expectedName);
        }
        if (!service.path("details").path("transport").asText("").equals("udp")) failures.add(where + ": transport is not udp: " + service);
        Set<String> found = new HashSet<>();
        for (JsonNode f : seen.path("findings")) {
            String id = f.get("id").asText();
            found.add(id);
            if (id.startsWith("dns-") && f.path("evidence").asText("").contains("over TCP")) {
                failures.add(where + ": finding " + id + " asked over TCP: " + f.path("evidence").asText());
            }
        }
        if (found.contains("dns-zone-transfer")) failures.add(where + ": a zone transfer reported on UDP");
        if (!e.findings().equals("-")) {
            for (String f : e.findings().split(",")) {
                String id = FINDING_IDS.getOrDefault(f.strip(), f.strip());
                if (!id.equals("dns-zone-transfer") && !found.contains(id)) failures.add(where + ": missing finding " + id + " (found " + found + ")");
            }
        }
        if (e.findings().equals("-") && found.contains("dns-open-resolver")) failures.add(where + ": open resolver although that variant is off");
    }

    private static List<Expected> readExpected(Path file) throws Exception {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.startsWith("vantage\t") || line.isBlank()) continue;
            String[] c = line.split("\t", -1);
            out.add(new Expected(c[0], c[1], c[2], Integer.parseInt(c[3]), c[4], c[5], c[7], c[8], c[9], c[13], c[14]));
        }
        // A DNS misconfiguration shows over TCP as well as UDP: give the TCP row the UDP row's findings.
        Map<String, String> udpFindings = new HashMap<>();
        for (Expected e : out) if (e.proto().equals("udp")) udpFindings.put(e.vantage() + e.address() + e.port(), e.findings());
        List<Expected> merged = new ArrayList<>();
        for (Expected e : out) {
            String udp = udpFindings.get(e.vantage() + e.address() + e.port());
            if (e.proto().equals("tcp") && e.port() == 53 && udp != null && !udp.equals("-")) {
                String f = e.findings().equals("-") ? udp : e.findings() + "," + udp;
                e = new Expected(e.vantage(), e.host(), e.address(), e.port(), e.proto(), e.state(), e.service(), e.product(),
                        e.version(), f, e.banner());
            }
            merged.add(e);
        }
        return merged;
    }
}
