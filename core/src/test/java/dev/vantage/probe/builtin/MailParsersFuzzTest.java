package dev.vantage.probe.builtin;

import dev.vantage.probe.Service;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A small, seeded mutation fuzzer over the corpus: every parser of this group gets thousands of
 * mangled greetings (bit flips, cuts, inserted line breaks and IAC bytes, repeated chunks) and
 * must neither throw nor take long. The seed is fixed so a failure replays; a crashing input
 * belongs in the corpus afterwards.
 */
class MailParsersFuzzTest {
    private static final List<Function<byte[], Optional<Service>>> PARSERS = List.of(
            SmtpProbe::parse, FtpProbe::parse, Pop3Probe::parse, ImapProbe::parse, TelnetProbe::parse, IdentProbe::parse,
            b -> {
                String s = new String(b, StandardCharsets.ISO_8859_1);
                TextReplies.parse(s, true);
                TextReplies.parse(s, false);
                IdentProbe.parseReply(s);
                TelnetProbe.loginPrompt(s);
                ImapProbe.capabilities(s);
                TelnetNegotiation.refuseAll(TelnetNegotiation.parse(b).commands());
                return Optional.empty();
            });
    private static final byte[] INTERESTING = {'\r', '\n', ' ', '-', ':', ',', '<', '>', '@', '[', ']', '(', ')', '"', 0, (byte) 0xff,
            (byte) 0xfd, (byte) 0xfa, (byte) 0xf0, '2', '5', '+', '*'};

    @Test
    void mangledGreetingsNeverBreakAParser() throws Exception {
        List<byte[]> seeds = seeds();
        Random random = new Random(20261123L);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 10_000; round++) {
                byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
                for (Function<byte[], Optional<Service>> p : PARSERS) p.apply(input);
            }
        });
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int steps = 1 + r.nextInt(6);
        for (int i = 0; i < steps; i++) {
            if (b.length == 0) b = new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]};
            switch (r.nextInt(5)) {
                case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 2 -> {
                    int at = r.nextInt(b.length + 1);
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = INTERESTING[r.nextInt(INTERESTING.length)];
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    b = out;
                }
                case 3 -> {
                    int from = r.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + r.nextInt(64));
                    int times = 1 + r.nextInt(80);
                    byte[] out = new byte[Math.min(20_000, b.length + len * times)];
                    System.arraycopy(b, 0, out, 0, Math.min(b.length, out.length));
                    for (int k = b.length; k < out.length; k++) out[k] = b[from + (k - b.length) % len];
                    b = out;
                }
                default -> b[r.nextInt(b.length)] = INTERESTING[r.nextInt(INTERESTING.length)];
            }
        }
        return b;
    }

    private static List<byte[]> seeds() throws IOException, URISyntaxException {
        List<byte[]> seeds = new ArrayList<>();
        for (String protocol : List.of("smtp", "ftp", "pop3", "imap", "telnet", "ident")) {
            URL url = MailParsersFuzzTest.class.getResource("/corpus/" + protocol);
            if (url == null) throw new IllegalStateException("no corpus for " + protocol);
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                for (Path p : files.toList()) if (!p.getFileName().toString().equals("expected.tsv")) seeds.add(Files.readAllBytes(p));
            }
        }
        return seeds;
    }
}
