package dev.vantage.probe.builtin;

import dev.vantage.check.builtin.MongoNoAuthCheck;
import dev.vantage.probe.Service;
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
 * Replays the captured and hostile replies under {@code corpus/<protocol>/} through the data
 * group's TCP parsers. Each directory's {@code expected.tsv} says per file what must come out
 * ({@code name | product | version}, or another one-line verdict, or {@code unparsed}); every
 * file must be listed. Captures come from Debian 12's daemons (Redis 7.0.15, memcached 1.6.18,
 * MariaDB 10.11.19, PostgreSQL 15.18); the rest are hand-made after the protocol documents.
 * Every file is also mutated a few hundred times: a parser may reject, never throw or hang.
 */
class DataCorpusTest {
    private static final Map<String, Function<byte[], String>> DESCRIBE = Map.ofEntries(
            Map.entry("redis", b -> describe(RedisProbe.parse(b))),
            Map.entry("memcached", b -> describe(MemcachedProbe.parse(b))),
            Map.entry("mysql", b -> describe(MysqlProbe.parse(b))),
            Map.entry("postgresql", DataCorpusTest::describePostgres),
            Map.entry("vnc", b -> describe(VncProbe.parse(b), "protocol")),
            Map.entry("rdp", b -> describe(RdpProbe.parse(b), "security", "negotiation_failure")),
            Map.entry("smb", DataCorpusTest::describeSmb),
            Map.entry("netbios-ssn", b -> describe(NetbiosSessionProbe.parse(b), "session")),
            Map.entry("afp", b -> describe(AfpProbe.parse(b), "server_name", "guest")),
            Map.entry("mongodb", DataCorpusTest::describeMongo),
            Map.entry("elasticsearch", b -> ElasticProbe.parseHttp(b).map(r -> describe(ElasticProbe.recognise(r), "auth"))
                    .orElse("unparsed")));

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

    private static String describePostgres(byte[] b) {
        Optional<PostgresWire.BackendMessage> m = PostgresWire.parse(b);
        if (m.isEmpty()) return "unparsed";
        if (m.get().type() == 'R') return "auth " + PostgresWire.authMethodName(m.get().authCode());
        Optional<Service> s = PostgresProbe.fromStartupError(m.get());
        return s.isPresent() ? describe(s) : "error " + m.get().fields().get("C");
    }

    private static String describeSmb(byte[] b) {
        return SmbWire.parseNegotiate(b).map(n -> "dialect " + n.dialect() + " | signing " + (n.signingRequired() ? "required" : "not required"))
                .orElse("unparsed");
    }

    private static String describeMongo(byte[] b) {
        Optional<Map<String, Object>> doc = MongoWire.parseReply(b);
        if (doc.isEmpty()) return "unparsed";
        if (MongoProbe.isHandshake(doc.get())) return "handshake | wire " + MongoWire.number(doc.get(), "maxWireVersion").orElse(-1L);
        if (doc.get().containsKey("databases") || doc.get().containsKey("errmsg")) {
            return MongoNoAuthCheck.judge(doc.get()).isEmpty() ? "no finding" : "finding " + MongoNoAuthCheck.judge(doc.get()).get(0).evidence();
        }
        return describe(Optional.of(MongoProbe.service(Map.of(), doc.get())));
    }

    static Stream<Arguments> corpus() throws IOException, URISyntaxException {
        return corpus(DataCorpusTest.class, DESCRIBE.keySet());
    }

    /** (protocol, file, bytes, expectation) for every file of the given corpus directories. */
    static Stream<Arguments> corpus(Class<?> anchor, Set<String> protocols) throws IOException, URISyntaxException {
        List<Arguments> all = new ArrayList<>();
        for (String protocol : protocols.stream().sorted().toList()) {
            URL url = anchor.getResource("/corpus/" + protocol);
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
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> mutate(data, file.hashCode(), DESCRIBE.get(protocol)::apply));
    }

    /** Feeds 300 seeded mutations (flipped, cut, duplicated, zeroed, 0xff'd bytes) of {@code data} to {@code parser}. */
    static void mutate(byte[] data, long seed, java.util.function.Consumer<byte[]> parser) {
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            byte[] m = data.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && m.length > 0; e++) {
                int at = random.nextInt(m.length);
                switch (random.nextInt(5)) {
                    case 0 -> m[at] ^= (byte) (1 << random.nextInt(8));
                    case 1 -> m = java.util.Arrays.copyOf(m, at);
                    case 2 -> m[at] = 0;
                    case 3 -> m[at] = (byte) 0xff;
                    default -> {
                        byte[] longer = java.util.Arrays.copyOf(m, m.length + at);
                        System.arraycopy(m, 0, longer, m.length, at);
                        m = longer;
                    }
                }
            }
            parser.accept(m);
        }
    }
}
