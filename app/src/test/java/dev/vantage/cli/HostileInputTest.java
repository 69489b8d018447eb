package dev.vantage.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input to every command, one value at a time: option values, targets, target files,
 * saved results and policy files that are wrong, huge, binary or full of terminal escapes. Each
 * must end within seconds with exit 2, nothing on standard output, and on standard error one
 * short, printable sentence beginning "vantage: " (plus at most picocli's "Try --help" line) —
 * never a stack trace. {@link CheckCommandBadInputTest} covers the everyday mistakes of {@code check}.
 */
class HostileInputTest {
    private static Path dir;

    /** One hostile run: what it is, and the command line. */
    record Case(String name, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void files() throws IOException {
        dir = Files.createTempDirectory("vantage-hostile-input");
        byte[] junk = new byte[64 * 1024];
        new Random(8).nextBytes(junk);
        Files.write(dir.resolve("junk.bin"), junk);
        Files.writeString(dir.resolve("huge-line.txt"), "198.18.0." + "1".repeat(1 << 20));
        Files.writeString(dir.resolve("escapes.txt"), "\u001b]0;pwned\u0007\u001b[2J198.18.0.1\n");
        Files.writeString(dir.resolve("empty.txt"), "# nothing but a comment\n");
        Files.writeString(dir.resolve("not-json.json"), "{\"hosts\": [ {\"address\": ");
        Files.writeString(dir.resolve("wrong-json.json"), "{\"format\": \"something else\", \"hosts\": 5}");
        Files.writeString(dir.resolve("json-array.json"), "[1, 2, 3]");
        Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
        Files.createDirectories(dir.resolve("a-directory"));
        for (Policy p : POLICIES) Files.writeString(dir.resolve(p.file()), p.yaml(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("policy-too-big.yaml"), "# " + "x".repeat(2 << 20) + "\n");
        Files.write(dir.resolve("policy-binary.yaml"), junk);
    }

    @AfterAll
    static void removeFiles() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** A bad policy file: name, content. */
    record Policy(String file, String yaml) {}

    private static final List<Policy> POLICIES = List.of(
            new Policy("policy-not-yaml.yaml", "hosts: [ unclosed\n"),
            new Policy("policy-top-level-list.yaml", "- a\n- b\n"),
            new Policy("policy-unknown-key.yaml", "colour: blue\n"),
            new Policy("policy-language.yaml", "language: fr\n"),
            new Policy("policy-relay-domain.yaml", "relay_domain: not a domain\n"),
            new Policy("policy-hosts-not-list.yaml", "hosts: 5\n"),
            new Policy("policy-host-typo.yaml", "hosts:\n  - name: a\n    adresses: [198.18.0.1]\n"),
            new Policy("policy-bad-address.yaml", "hosts:\n  - name: a\n    addresses: [999.1.1.1]\n"),
            new Policy("policy-port-zero.yaml", "hosts:\n  - name: a\n    addresses: [198.18.0.1]\n    ports: [0]\n"),
            new Policy("policy-port-huge.yaml", "hosts:\n  - name: a\n    addresses: [198.18.0.1]\n    ports: [99999999999999999999]\n"),
            new Policy("policy-port-text.yaml", "hosts:\n  - name: a\n    addresses: [198.18.0.1]\n    ports: [ssh]\n"),
            new Policy("policy-protocol.yaml", "hosts:\n  - name: a\n    addresses: [198.18.0.1]\n    ports: [{port: 22, protocol: sctp}]\n"),
            new Policy("policy-from.yaml", "hosts:\n  - name: a\n    addresses: [198.18.0.1]\n    ports: [{port: 22, from: [nonsense/8]}]\n"),
            new Policy("policy-decoy.yaml", "hosts:\n  - name: a\n    addresses: [198.18.0.1]\n    ports: [{port: 23, decoy: maybe}]\n"),
            new Policy("policy-risk.yaml", "overrides:\n  - service: ftp\n    risk: catastrophic\n    note: x\n"),
            new Policy("policy-no-note.yaml", "overrides:\n  - service: ftp\n    risk: high\n"),
            new Policy("policy-unknown-finding.yaml", "overrides:\n  - finding: no-such-finding\n    risk: low\n    note: x\n"),
            new Policy("policy-duplicate-key.yaml", "language: en\nlanguage: ja\n"),
            new Policy("policy-billion-laughs.yaml", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                    + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nhosts: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"),
            new Policy("policy-deep-nesting.yaml", "hosts: " + "[".repeat(5000) + "]".repeat(5000) + "\n"),
            new Policy("policy-java-tag.yaml", "hosts: !!java.net.URL [\"http://198.18.0.1/\"]\n"),
            new Policy("policy-escapes.yaml", "hosts:\n  - name: \"\\e[31mred\"\n    addresses: [\"\\e]0;x\\a\"]\n"),
            new Policy("policy-long-name.yaml", "hosts:\n  - name: a\n    addresses: [" + "9".repeat(100_000) + "]\n"));

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        String d = dir.toString();
        // check: option values
        check(c, "--level 0", "--level", "0");
        check(c, "--level -1", "--level", "-1");
        check(c, "--level 99999999999", "--level", "99999999999");
        check(c, "--initial-rtt-timeout -1", "--initial-rtt-timeout", "-1");
        check(c, "--initial-rtt-timeout text", "--initial-rtt-timeout", "soon");
        check(c, "--max-rtt-timeout 0", "--max-rtt-timeout", "0");
        check(c, "--host-parallelism 0", "--host-parallelism", "0");
        check(c, "--max-in-flight -3", "--max-in-flight", "-3");
        check(c, "--max-targets 0", "--max-targets", "0");
        check(c, "--max-retries -1", "--max-retries", "-1");
        check(c, "--relay-domain with spaces", "--relay-domain", "not a domain");
        check(c, "--relay-domain empty", "--relay-domain", "");
        check(c, "--lang fr", "--lang", "fr");
        check(c, "--fail-on critical", "--fail-on", "critical");
        check(c, "-pU 0", "-pU", "0");
        check(c, "-pU 70000", "-pU", "70000");
        check(c, "-pU words", "-pU", "dns,ntp");
        check(c, "-p of 1 MB", "-p", "1".repeat(1 << 20));
        check(c, "-p with escapes", "-p", "22,\u001b[2J80");
        check(c, "--rate with escapes", "--rate", "\u001b[2J\u001b]0;pwned\u0007");
        check(c, "--level of 100 000 digits", "--level", "7".repeat(100_000));
        check(c, "--exclude 198.18.0.300", "--exclude", "198.18.0.300");
        check(c, "--policy missing", "--policy", d + "/no-such-policy.yaml");
        check(c, "--policy a directory", "--policy", d + "/a-directory");
        // check: targets and target files, with --dry-run: should one ever be accepted, nothing is sent
        add(c, "target with escapes", "check", "--dry-run", "-p", "1", "\u001b]0;pwned\u0007198.18.0.1");
        add(c, "target of 1 MB", "check", "--dry-run", "-p", "1", "a".repeat(1 << 20));
        add(c, "target ::/0", "check", "--dry-run", "-p", "1", "::/0");
        add(c, "target 0.0.0.0/0", "check", "--dry-run", "-p", "1", "0.0.0.0/0");
        add(c, "target 127.0.0.1-127.255.255.255", "check", "--dry-run", "-p", "1", "127.0.0.1-127.255.255.255");
        add(c, "target -", "check", "--dry-run", "-p", "1", "-");
        add(c, "target ../../etc/passwd", "check", "--dry-run", "-p", "1", "../../etc/passwd");
        add(c, "-iL binary junk", "check", "--dry-run", "-p", "1", "-iL", d + "/junk.bin");
        add(c, "-iL a 1 MB line", "check", "--dry-run", "-p", "1", "-iL", d + "/huge-line.txt");
        add(c, "-iL terminal escapes", "check", "--dry-run", "-p", "1", "-iL", d + "/escapes.txt");
        add(c, "-iL only a comment", "check", "--dry-run", "-p", "1", "-iL", d + "/empty.txt");
        add(c, "-iL a directory", "check", "--dry-run", "-p", "1", "-iL", d + "/a-directory");
        // check: policy files, each with one mistake
        for (Policy p : POLICIES) check(c, "policy " + p.file(), "--policy", d + "/" + p.file());
        check(c, "policy larger than 1 MB", "--policy", d + "/policy-too-big.yaml");
        check(c, "policy of binary junk", "--policy", d + "/policy-binary.yaml");
        // report and diff: saved results
        for (String f : List.of("no-such.json", "a-directory", "junk.bin", "not-json.json", "wrong-json.json", "json-array.json",
                "deep.json", "empty.txt")) {
            add(c, "report " + f, "report", d + "/" + f);
            add(c, "diff " + f, "diff", d + "/" + f, d + "/" + f);
        }
        add(c, "report --policy with a mistake", "report", d + "/not-json.json", "--policy", d + "/policy-risk.yaml");
        add(c, "report --format docx", "report", d + "/not-json.json", "--format", "docx");
        add(c, "diff --format pdf", "diff", d + "/not-json.json", d + "/not-json.json", "--format", "pdf");
        // tripwire: values that must be refused before anything listens
        for (String[] t : List.<String[]>of(new String[] {"-p", "0"}, new String[] {"-p", "70000"}, new String[] {"-p", "telnet"},
                new String[] {"-p", "1-200"}, new String[] {"-p", "2323", "--banner", "gopher"},
                new String[] {"-p", "2323", "--duration", "-1"}, new String[] {"-p", "2323", "--duration", "soon"},
                new String[] {"-p", "2323", "--max-connections", "0"}, new String[] {"-p", "2323", "--source-rate", "-1"},
                new String[] {"-p", "2323", "--bind", "999.1.1.1"}, new String[] {"-p", "2323", "--status-interval", "-5"},
                new String[] {"-p", "2323", "--log", d + "/junk.bin/events.jsonl"})) {
            List<String> args = new ArrayList<>(List.of("tripwire", "--data-dir", d + "/tripwire-data"));
            args.addAll(List.of(t));
            c.add(new Case("tripwire " + String.join(" ", t), args));
        }
        // serve: values refused before the service starts
        for (String[] s : List.<String[]>of(new String[] {"--listen", "nonsense"}, new String[] {"--listen", "127.0.0.1:99999"},
                new String[] {"--workers", "0"}, new String[] {"--workers", "65"}, new String[] {"--orders-per-hour", "0"},
                new String[] {"--scan-rate", "-1"}, new String[] {"--public-url", "ftp://198.18.0.1/"},
                new String[] {"--allow", "198.18.0.0/99"}, new String[] {"--deny", "garbage"}, new String[] {"--dns", "198.18.0.1:70000"},
                new String[] {"--smtp", ":25"}, new String[] {"--http-proof-port", "70000"})) {
            List<String> args = new ArrayList<>(List.of("serve", "--data-dir", d + "/serve-data"));
            args.addAll(List.of(s));
            c.add(new Case("serve " + String.join(" ", s), args));
        }
        return c.stream();
    }

    private static void check(List<Case> c, String name, String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--scan-only", "-p", "1"));
        args.addAll(List.of(options));
        args.add("127.0.0.1");
        c.add(new Case(name, args));
    }

    private static void add(List<Case> c, String name, String... args) {
        c.add(new Case(name, List.of(args)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsWithTwoAndOneShortPrintableSentence(Case c) {
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of(c.args().toArray(String[]::new)),
                c.name() + " did not end");
        String err = run.err();
        assertEquals(2, run.exitCode(), c.name() + " → " + err);
        assertEquals("", run.out(), c.name() + ": nothing on standard output");
        List<String> lines = err.lines().toList();
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("Try '"), c.name() + " → " + err);
        String sentence = lines.get(0);
        assertTrue(sentence.startsWith("vantage: "), sentence);
        assertTrue(sentence.length() <= 520, c.name() + ": a message of " + sentence.length() + " characters");
        assertFalse(sentence.contains("Exception") || sentence.contains("\tat "), sentence);
        assertTrue(sentence.chars().noneMatch(ch -> ch < 0x20 || ch >= 0x7f && ch < 0xa0),
                c.name() + ": control characters reach the terminal: " + sentence.replaceAll("\\p{Cntrl}", "?"));
    }
}
