package dev.vantage.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vantage.BadInputException;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.PolicyParser;
import dev.vantage.check.builtin.DnsCorpus;
import dev.vantage.check.builtin.HttpCorpus;
import dev.vantage.check.builtin.SshAlgorithmsCheck;
import dev.vantage.check.builtin.TlsCertificateCheck;
import dev.vantage.probe.ProbeRegistry;
import dev.vantage.probe.ServiceProbe;
import dev.vantage.probe.builtin.FtpProbe;
import dev.vantage.probe.builtin.HttpProbe;
import dev.vantage.probe.builtin.IdentProbe;
import dev.vantage.probe.builtin.ImapProbe;
import dev.vantage.probe.builtin.MongoWire;
import dev.vantage.probe.builtin.MysqlProbe;
import dev.vantage.probe.builtin.Pop3Probe;
import dev.vantage.probe.builtin.PostgresWire;
import dev.vantage.probe.builtin.RedisProbe;
import dev.vantage.probe.builtin.SmtpProbe;
import dev.vantage.probe.builtin.TelnetNegotiation;
import dev.vantage.probe.builtin.TelnetProbe;
import dev.vantage.probe.builtin.TextReplies;
import dev.vantage.probe.dns.DnsMessage;
import dev.vantage.probe.ssh.SshIdent;
import dev.vantage.probe.ssh.SshKexInit;
import dev.vantage.probe.tls.ServerFlight;
import dev.vantage.probe.tls.Ssl2Hello;
import dev.vantage.report.JsonResultReader;
import dev.vantage.target.PortList;
import dev.vantage.target.TargetParser;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeRegistry;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Jazzer fuzz targets, one per parser family. Each feeds the fuzzer's bytes to the parsers and to
 * the judges that read their output; the only exception a target lets pass is the parser's
 * documented error ({@link BadInputException} for user input, whose message must stay short), so
 * any other exception, an input that takes longer than {@code bin/fuzz}'s per-input timeout or
 * running out of heap is a finding.
 *
 * <p>In a normal build (no {@code JAZZER_FUZZ}) each target replays the empty input and the files
 * under {@code src/test/resources/dev/vantage/fuzz/ParserFuzzTestInputs/<target>/}: crashes found
 * by fuzzing land there and stay as regression inputs. {@link #theSeedCorpusPassesEveryTarget} also
 * runs each target over the protocol corpus that seeds it ({@code fuzz-seeds.tsv}). {@code bin/fuzz TARGET --minutes N} fuzzes
 * one target, seeded from the protocol corpus under {@code corpus/}.
 */
class ParserFuzzTest {
    private static final List<ServiceProbe> PROBES = ProbeRegistry.builtins();
    private static final List<UdpProbe> UDP_PROBES = UdpProbeRegistry.builtins();
    private static final KnowledgeBase KB = KnowledgeBase.builtin();
    /** A resolver that knows no name: fuzzing must never send a DNS query. */
    private static final TargetParser TARGETS = new TargetParser(name -> {
        throw new UnknownHostException(name);
    }, true, 4096);
    private static @Nullable Path resultFile;

    /** The target methods by name, for the corpus replay. */
    private interface Target {
        void accept(ParserFuzzTest self, byte[] data) throws Exception;
    }

    private static final Map<String, Target> BY_NAME = Map.ofEntries(
            Map.entry("banners", ParserFuzzTest::banners), Map.entry("mailReplies", ParserFuzzTest::mailReplies),
            Map.entry("dnsMessages", ParserFuzzTest::dnsMessages), Map.entry("sshKexInit", ParserFuzzTest::sshKexInit),
            Map.entry("tlsRecords", ParserFuzzTest::tlsRecords), Map.entry("httpResponses", ParserFuzzTest::httpResponses),
            Map.entry("udpReplies", ParserFuzzTest::udpReplies), Map.entry("policyYaml", ParserFuzzTest::policyYaml),
            Map.entry("targetSpecs", ParserFuzzTest::targetSpecs), Map.entry("portSpecs", ParserFuzzTest::portSpecs),
            Map.entry("resultJson", ParserFuzzTest::resultJson));

    /** Every file of the corpus directories that seed a target (fuzz-seeds.tsv), with that target. */
    static Stream<Arguments> seedCorpus() throws IOException, URISyntaxException {
        Path corpus = Path.of(Objects.requireNonNull(ParserFuzzTest.class.getResource("/corpus")).toURI());
        List<Arguments> all = new ArrayList<>();
        try (var in = Objects.requireNonNull(ParserFuzzTest.class.getResourceAsStream("fuzz-seeds.tsv"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (!BY_NAME.containsKey(f[0])) throw new IllegalStateException("fuzz-seeds.tsv names no target " + f[0]);
                if (f.length < 2) continue;
                for (String dir : f[1].trim().split(" +")) {
                    try (Stream<Path> files = Files.list(corpus.resolve(dir))) {
                        List<Path> replies = files.filter(Files::isRegularFile)
                                .filter(x -> !x.getFileName().toString().equals("expected.tsv")).sorted().toList();
                        for (Path p : replies) {
                            all.add(Arguments.of(f[0], dir + "/" + p.getFileName(), Files.readAllBytes(p)));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    /** In a normal build the targets see the whole protocol corpus that seeds them, not only their own inputs. */
    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("seedCorpus")
    void theSeedCorpusPassesEveryTarget(String target, String file, byte[] data) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> BY_NAME.get(target).accept(this, data), file);
    }

    /** What a service says first, through every probe's greeting parser and the reply parsers of the query probes. */
    @FuzzTest
    void banners(byte[] data) {
        if (data.length > 0) {
            for (ServiceProbe p : PROBES) p.fromGreeting(data);
        }
        HttpProbe.parse(data);
        RedisProbe.parse(data);
        MysqlProbe.parse(data);
        MongoWire.parseReply(data);
        PostgresWire.parse(data);
    }

    /** SMTP, FTP, POP3, IMAP, IDENT and TELNET replies: the text-reply reader and each protocol's greeting parser. */
    @FuzzTest
    void mailReplies(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        TextReplies.parse(text, true);
        TextReplies.parse(text, false);
        SmtpProbe.parse(data);
        FtpProbe.parse(data);
        Pop3Probe.parse(data);
        ImapProbe.parse(data);
        ImapProbe.capabilities(text);
        IdentProbe.parse(data);
        IdentProbe.parseReply(text);
        TelnetProbe.parse(data);
        TelnetProbe.loginPrompt(text);
        TelnetNegotiation.refuseAll(TelnetNegotiation.parse(data).commands());
    }

    /** DNS messages, bare (UDP) and as a TCP stream through every DNS judge. */
    @FuzzTest
    void dnsMessages(byte[] data) {
        DnsMessage.parse(data);
        DnsCorpus.describe(data);
    }

    /** An SSH server's first bytes: identification line, KEXINIT packet, and the algorithm judge. */
    @FuzzTest
    void sshKexInit(byte[] data) {
        SshIdent.parse(data);
        SshKexInit.parse(data).ifPresent(SshAlgorithmsCheck::judge);
        SshKexInit.fromServerStart(data).ifPresent(SshAlgorithmsCheck::judge);
    }

    /** A TLS server's first flight (and the same bytes as SSL 2), with the certificates it carries. */
    @FuzzTest
    void tlsRecords(byte[] data) {
        ServerFlight flight = ServerFlight.parse(data);
        TlsCertificateCheck.parse(flight.certificates());
        Ssl2Hello.parse(data);
    }

    /** HTTP responses through the response parser, the probe and every HTTP judge. */
    @FuzzTest
    void httpResponses(byte[] data) {
        HttpProbe.parse(data);
        HttpCorpus.describe(data);
    }

    /** Replies to the UDP payloads (DNS, NTP, SNMP, NetBIOS, IKE, SSDP, mDNS, memcached, TFTP). */
    @FuzzTest
    void udpReplies(byte[] data) {
        for (UdpProbe p : UDP_PROBES) p.parse(data);
    }

    /** A policy file: any text either reads or fails with one clear error. */
    @FuzzTest
    void policyYaml(byte[] data) {
        try {
            PolicyParser.parse("policy.yaml", new String(data, StandardCharsets.UTF_8), KB);
        } catch (BadInputException expected) {
            expectOneSentence(expected);
        }
    }

    /** Target specifications, one per line, the last line the exclusions; names never resolve. */
    @FuzzTest
    void targetSpecs(byte[] data) {
        List<String> lines = Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\n", -1));
        List<String> specs = lines.subList(0, Math.max(1, lines.size() - 1));
        List<String> excludes = lines.size() > 1 ? List.of(lines.get(lines.size() - 1)) : List.of();
        try {
            TARGETS.parse(specs, excludes.stream().filter(s -> !s.isBlank()).toList());
        } catch (BadInputException expected) {
            expectOneSentence(expected);
        }
    }

    /** Port specifications as given to -p and -pU. */
    @FuzzTest
    void portSpecs(byte[] data) {
        try {
            PortList.parse(new String(data, StandardCharsets.UTF_8));
        } catch (BadInputException expected) {
            expectOneSentence(expected);
        }
    }

    /** A saved result, as {@code report} and {@code diff} read it from a file someone handed over. */
    @FuzzTest
    void resultJson(byte[] data) throws IOException {
        Path file = resultFile();
        Files.write(file, data);
        try {
            JsonResultReader.read(file);
        } catch (BadInputException expected) {
            expectOneSentence(expected);
        }
    }

    /** One scratch file per JVM, rewritten for each input (a fresh file each time would cost more than the parse). */
    private static synchronized Path resultFile() throws IOException {
        Path file = resultFile;
        if (file == null) {
            file = Files.createTempFile("vantage-fuzz-result", ".json");
            file.toFile().deleteOnExit();
            resultFile = file;
        }
        return file;
    }

    /** The documented error must still be readable: a message, of bounded length, without line breaks of its own. */
    private static void expectOneSentence(BadInputException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) throw new AssertionError("a bad-input error without a message", e);
        if (m.length() > 2000) throw new AssertionError("a bad-input message of " + m.length() + " characters", e);
        if (m.chars().anyMatch(c -> c < 0x20 || c >= 0x7f && c < 0xa0)) throw new AssertionError("control characters in: " + m, e);
    }
}
