package dev.vantage.probe.builtin;

import dev.vantage.check.builtin.DnsCorpus;
import dev.vantage.check.builtin.HttpCorpus;
import dev.vantage.check.builtin.SshAlgorithmsCheck;
import dev.vantage.probe.Service;
import dev.vantage.probe.ssh.SshIdent;
import dev.vantage.probe.ssh.SshKexInit;
import dev.vantage.probe.tls.ServerFlight;
import dev.vantage.probe.tls.Ssl2Hello;
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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Replays the captured and hostile replies under {@code corpus/{dns,ssh,tls,http}/} through the
 * infra parsers and judges. Each directory's {@code expected.tsv} says, per file, what must come
 * out ({@code file <TAB> expectation}); every file must be listed, so a new capture cannot be
 * added without an expectation. Captures come from the Debian daemons the ITs run (BIND 9.18,
 * OpenSSH 9.2, nginx 1.22, Apache 2.4); hostile ones are hand-made.
 */
class InfraCorpusTest {
    /** Per protocol: bytes → the one-line description the expectation is compared with. */
    private static final Map<String, Function<byte[], String>> DESCRIBE = Map.of(
            "dns", DnsCorpus::describe,
            "ssh", InfraCorpusTest::describeSsh,
            "tls", InfraCorpusTest::describeTls,
            "http", HttpCorpus::describe);

    static Stream<Arguments> corpus() throws IOException, URISyntaxException {
        List<Arguments> all = new ArrayList<>();
        for (String protocol : DESCRIBE.keySet().stream().sorted().toList()) {
            URL url = InfraCorpusTest.class.getResource("/corpus/" + protocol);
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
                    if (!name.equals("expected.tsv") && !Files.isDirectory(p) && !listed.contains(name)) {
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

    /** "product | version | protocol | kexinit verdict" for an SSH server's first bytes. */
    static String describeSsh(byte[] data) {
        Optional<SshIdent> ident = SshIdent.parse(data);
        String id = ident.map(SshProbe::identify).map(InfraCorpusTest::productVersion).orElse("-") + " | "
                + ident.map(SshIdent::protocol).orElse("-");
        Optional<SshKexInit> kex = SshKexInit.fromServerStart(data);
        String verdict = kex.map(k -> {
            String f = SshAlgorithmsCheck.judge(k).stream().map(x -> x.id()).sorted().collect(Collectors.joining(","));
            return f.isEmpty() ? "kexinit ok" : "kexinit " + f;
        }).orElse("no kexinit");
        return id + " | " + verdict;
    }

    /** The flight as TLS records, and the same bytes as an SSL 2 SERVER-HELLO. */
    static String describeTls(byte[] data) {
        ServerFlight f = ServerFlight.parse(data);
        String flight;
        if (f.notTls()) flight = "not tls";
        else if (f.alert() != null) flight = "alert " + f.alert().description();
        else if (f.hello() != null) flight = "hello " + f.hello().describe() + " certs " + f.certificates().size()
                + (f.helloDone() ? " done" : "");
        else flight = f.needMore() ? "need more" : "nothing";
        String ssl2 = Ssl2Hello.parse(data).map(h -> "ssl2 v" + h.version() + " kinds " + h.cipherKinds()).orElse("no ssl2");
        return flight + " | " + ssl2;
    }

    static String productVersion(Service s) {
        return (s.product() == null ? "-" : s.product()) + " | " + (s.version() == null ? "-" : s.version());
    }
}
