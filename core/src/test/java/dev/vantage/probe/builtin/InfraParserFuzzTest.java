package dev.vantage.probe.builtin;

import dev.vantage.check.builtin.DnsCorpus;
import dev.vantage.check.builtin.HttpCorpus;
import dev.vantage.probe.dns.DnsMessage;
import dev.vantage.probe.ssh.SshHostKey;
import dev.vantage.probe.ssh.SshKexInit;
import dev.vantage.probe.tls.ServerFlight;
import dev.vantage.probe.tls.Ssl2Hello;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A deterministic mutation fuzzer over the infra corpus: every captured or hostile reply is
 * flipped, cut, spliced and given absurd length fields, and fed to every pure parser and judge of
 * the DNS, SSH, TLS and HTTP code. None may throw or hang. (Seeded, so a failure reproduces; the
 * mutated input that broke a parser belongs in the corpus afterwards.)
 */
class InfraParserFuzzTest {
    private static final int ROUNDS_PER_FILE = 300;

    @Test
    void noParserThrowsOrHangsOnMutatedReplies() throws Exception {
        List<byte[]> seeds = seeds();
        Random random = new Random(20261123L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (byte[] seed : seeds) {
                for (int i = 0; i < ROUNDS_PER_FILE; i++) {
                    byte[] input = mutate(seed, seeds.get(random.nextInt(seeds.size())), random);
                    feed(input);
                }
            }
        });
    }

    /** Every parser and judge that reads untrusted bytes. */
    private static void feed(byte[] b) {
        DnsCorpus.describe(b);
        DnsMessage.parse(b).ifPresent(DnsProbe::identify);
        InfraCorpusTest.describeSsh(b);
        SshKexInit.parse(b);
        SshHostKey.parse(b);
        new SshProbe().fromGreeting(b);
        ServerFlight.parse(b);
        Ssl2Hello.parse(b);
        InfraCorpusTest.describeTls(b);
        HttpCorpus.describe(b);
        HttpProbe.parse(b);
    }

    static byte[] mutate(byte[] seed, byte[] other, Random r) {
        byte[] b = seed.clone();
        int ops = 1 + r.nextInt(4);
        for (int op = 0; op < ops; op++) {
            if (b.length == 0) return other.clone();
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) (r.nextBoolean() ? 0xff : 0x00);
                case 2 -> b = java.util.Arrays.copyOf(b, at);
                case 3 -> {    // an absurd 16-bit length field
                    if (at + 1 < b.length) {
                        b[at] = (byte) 0xff;
                        b[at + 1] = (byte) r.nextInt(256);
                    }
                }
                case 4 -> {    // splice in a piece of another reply
                    int from = other.length == 0 ? 0 : r.nextInt(other.length);
                    int n = Math.min(other.length - from, 1 + r.nextInt(64));
                    byte[] out = new byte[b.length + n];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(other, from, out, at, n);
                    System.arraycopy(b, at, out, at + n, b.length - at);
                    b = out;
                }
                default -> {   // a compression pointer somewhere
                    if (at + 1 < b.length) {
                        b[at] = (byte) 0xc0;
                        b[at + 1] = (byte) r.nextInt(b.length);
                    }
                }
            }
        }
        return b;
    }

    private static List<byte[]> seeds() throws IOException, URISyntaxException {
        List<byte[]> all = new ArrayList<>();
        for (String protocol : List.of("dns", "ssh", "tls", "http")) {
            URL url = InfraParserFuzzTest.class.getResource("/corpus/" + protocol);
            if (url == null) throw new IllegalStateException("no corpus for " + protocol);
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                for (Path p : files.sorted().toList()) {
                    if (!p.getFileName().toString().equals("expected.tsv") && Files.isRegularFile(p)) all.add(Files.readAllBytes(p));
                }
            }
        }
        return all;
    }
}
