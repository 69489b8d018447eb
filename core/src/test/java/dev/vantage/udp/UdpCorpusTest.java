package dev.vantage.udp;

import dev.vantage.check.builtin.NtpMode6Check;
import dev.vantage.check.builtin.NtpMonlistCheck;
import dev.vantage.probe.Service;
import dev.vantage.udp.probe.DnsUdpProbe;
import dev.vantage.udp.probe.IkeUdpProbe;
import dev.vantage.udp.probe.MdnsUdpProbe;
import dev.vantage.udp.probe.MemcachedUdpProbe;
import dev.vantage.udp.probe.NetbiosNsUdpProbe;
import dev.vantage.udp.probe.NtpPackets;
import dev.vantage.udp.probe.NtpUdpProbe;
import dev.vantage.udp.probe.SnmpUdpProbe;
import dev.vantage.udp.probe.SsdpUdpProbe;
import dev.vantage.udp.probe.TftpUdpProbe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Replays the captured and hostile UDP replies under {@code corpus/<protocol>/} through the UDP
 * probes' parsers (and, for NTP, the control and monlist judges). Each directory's
 * {@code expected.tsv} lists every file with the expected verdict. Captures come from Debian
 * 12's daemons (dnsmasq 2.90, BIND 9.18.49, ntpsec 1.2.2, net-snmp 5.9.3, memcached 1.6.18); the
 * rest are hand-made. Each file is also mutated a few hundred times: never throw, never hang.
 */
class UdpCorpusTest {
    private static final Map<String, Function<byte[], String>> DESCRIBE = Map.ofEntries(
            Map.entry("dns-udp", b -> describe(new DnsUdpProbe().parse(b), "rcode")),
            Map.entry("ntp", UdpCorpusTest::describeNtp),
            Map.entry("snmp", b -> describe(new SnmpUdpProbe().parse(b), "community", "sysdescr", "enterprise")),
            Map.entry("netbios-ns", b -> describe(new NetbiosNsUdpProbe().parse(b), "hostname", "workgroup", "user", "mac")),
            Map.entry("tftp", b -> describe(new TftpUdpProbe().parse(b), "error_code")),
            Map.entry("isakmp", b -> describe(new IkeUdpProbe().parse(b), "ike_version", "vendor_ids")),
            Map.entry("ssdp", b -> describe(new SsdpUdpProbe().parse(b), "server")),
            Map.entry("mdns", b -> describe(new MdnsUdpProbe().parse(b), "services")),
            Map.entry("memcached-udp", b -> describe(new MemcachedUdpProbe().parse(b))));

    static String describe(Optional<Service> s, String... details) {
        if (s.isEmpty()) return "unparsed";
        StringBuilder out = new StringBuilder(s.get().name() + " | " + orDash(s.get().product()) + " | " + orDash(s.get().version()));
        for (String d : details) {
            if (s.get().details().containsKey(d)) out.append(" | ").append(d).append(' ').append(s.get().details().get(d));
        }
        return out.toString();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String describeNtp(byte[] b) {
        Optional<Service> s = new NtpUdpProbe().parse(b);
        if (s.isPresent()) return describe(s, "stratum", "synchronised", "refid");
        if (NtpPackets.parseControl(b).isPresent()) {
            return NtpMode6Check.judge(12, List.of(b)).stream().map(f -> "mode6 finding: " + f.evidence()).findFirst().orElse("mode6 no finding");
        }
        if (NtpPackets.parsePrivate(b).isPresent()) {
            return NtpMonlistCheck.judge(48, List.of(b)).stream().map(f -> "mode7 finding: " + f.evidence()).findFirst().orElse("mode7 no finding");
        }
        return "unparsed";
    }

    static Stream<Arguments> corpus() throws IOException, URISyntaxException {
        List<Arguments> all = new ArrayList<>();
        for (String protocol : DESCRIBE.keySet().stream().sorted().toList()) {
            URL url = UdpCorpusTest.class.getResource("/corpus/" + protocol);
            if (url == null) throw new IllegalStateException("no corpus for " + protocol);
            Path dir = Path.of(url.toURI());
            Set<String> listed = new HashSet<>();
            for (String line : Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", 2);
                listed.add(f[0]);
                all.add(Arguments.of(protocol, f[0], Files.readAllBytes(dir.resolve(f[0])), f.length > 1 ? f[1] : ""));
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.equals("expected.tsv") && !listed.contains(name)) {
                        throw new IllegalStateException("corpus/" + protocol + "/" + name + " has no line in expected.tsv");
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("corpus")
    void replays(String protocol, String file, byte[] data, String expected) {
        String actual = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> DESCRIBE.get(protocol).apply(data),
                "a parser must not hang on " + file);
        assertEquals(expected, actual, protocol + "/" + file);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("corpus")
    void survivesMutations(String protocol, String file, byte[] data, String expected) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Random random = new Random(file.hashCode());
            for (int i = 0; i < 300; i++) {
                byte[] m = data.clone();
                for (int e = 0; e < 1 + random.nextInt(4) && m.length > 0; e++) {
                    int at = random.nextInt(m.length);
                    switch (random.nextInt(4)) {
                        case 0 -> m[at] ^= (byte) (1 << random.nextInt(8));
                        case 1 -> m = java.util.Arrays.copyOf(m, at);
                        case 2 -> m[at] = 0;
                        default -> m[at] = (byte) 0xff;
                    }
                }
                DESCRIBE.get(protocol).apply(m);
            }
        });
    }
}
