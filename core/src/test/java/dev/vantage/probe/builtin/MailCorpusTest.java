package dev.vantage.probe.builtin;

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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the captured and hostile greetings under {@code corpus/<protocol>/} through each
 * protocol's parser. {@code expected.tsv} in each directory says what must come out; every file
 * in a directory must be listed there, so a new capture cannot be added without an expectation.
 */
class MailCorpusTest {
    private static final Map<String, Function<byte[], Optional<Service>>> PARSERS = Map.of(
            "smtp", SmtpProbe::parse,
            "ftp", FtpProbe::parse,
            "pop3", Pop3Probe::parse,
            "imap", ImapProbe::parse,
            "telnet", TelnetProbe::parse,
            "ident", IdentProbe::parse);

    static Stream<Arguments> corpus() throws IOException, URISyntaxException {
        List<Arguments> all = new ArrayList<>();
        for (String protocol : PARSERS.keySet().stream().sorted().toList()) {
            URL url = MailCorpusTest.class.getResource("/corpus/" + protocol);
            if (url == null) throw new IllegalStateException("no corpus for " + protocol);
            Path dir = Path.of(url.toURI());
            Set<String> listed = new HashSet<>();
            for (String line : Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                listed.add(f[0]);
                all.add(Arguments.of(protocol, f[0], Files.readAllBytes(dir.resolve(f[0])), f));
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
    void replays(String protocol, String file, byte[] data, String[] expected) {
        Optional<Service> got = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> PARSERS.get(protocol).apply(data));
        if (expected[1].equals("none")) {
            assertTrue(got.isEmpty(), () -> file + " should not be recognised, got " + got);
            return;
        }
        assertTrue(got.isPresent(), file + " should be recognised as " + expected[1]);
        Service s = got.get();
        check(expected[1], s.name(), "service");
        check(expected[2], s.product(), "product");
        check(expected[3], s.version(), "version");
        check(expected[4], s.details().get("hostname"), "hostname");
        if (s.banner() != null) {
            assertTrue(s.banner().chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '…'), "banner is printable: " + s.banner());
        }
    }

    private static void check(String expected, String actual, String what) {
        if (expected.equals("*")) return;
        assertEquals(expected.equals("-") ? null : expected, actual, what);
    }
}
