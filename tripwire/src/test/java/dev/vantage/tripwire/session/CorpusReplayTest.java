package dev.vantage.tripwire.session;

import dev.vantage.store.decoy.DecoyCredential;
import dev.vantage.tripwire.Banner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the corpus of hostile and typical client inputs (src/test/resources/corpus/tripwire/,
 * named after the protocol they speak) against every fake service, whole and in small pieces:
 * nothing throws, every session stays within its bounds, and where a file speaks the service's
 * protocol the word CorpusSecret (in clear or in base64) appears only as a hash.
 */
class CorpusReplayTest {
    private static final String SECRET = "CorpusSecret";
    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/]{8,}={0,2}");

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(CorpusReplayTest.class.getResource("/corpus/tripwire").toURI());
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                for (Banner banner : Banner.values()) {
                    for (int chunk : new int[] {Integer.MAX_VALUE, 1, 7}) out.add(Arguments.of(f.getFileName().toString(), banner, chunk));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} against {1} in pieces of {2}")
    @MethodSource("cases")
    void replays(String file, Banner banner, int chunk) throws Exception {
        byte[] input = Files.readAllBytes(Path.of(CorpusReplayTest.class.getResource("/corpus/tripwire/" + file).toURI()));
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < input.length; i += Math.min(chunk, input.length - i)) {
            pieces.add(Arrays.copyOfRange(input, i, Math.min(input.length, i + Math.min(chunk, input.length - i))));
        }
        ScriptedLink link = new ScriptedLink(pieces);
        Conversation c = new Conversation(link, FakeServiceTest.HASHER, 2048, 5000, System::nanoTime);
        FakeServices.forBanner(banner).converse(c);

        assertTrue(c.received() <= 2048, "read beyond the limit");
        assertTrue(c.transcript().length <= 2048 + 512, "transcript beyond its bound");
        assertTrue(c.credentials().size() <= 10, "too many credentials");
        assertTrue(link.written().length() < 4096, "said too much");

        String protocol = file.substring(0, file.indexOf('-'));
        if (!protocol.equals(banner.label())) return;
        String transcript = new String(c.transcript(), StandardCharsets.ISO_8859_1);
        assertFalse(containsSecret(transcript), "a password survived in the transcript: " + transcript);
        for (DecoyCredential cred : c.credentials()) assertFalse(containsSecret(cred.user()), "a password in a user name");
        if (containsSecret(new String(input, StandardCharsets.ISO_8859_1)) && input.length <= 2048) {
            assertTrue(c.credentials().stream().anyMatch(cred -> cred.passwordSha256() != null), "the password was not recognised as one");
        }
    }

    private static boolean containsSecret(String text) {
        if (text.contains(SECRET)) return true;
        Matcher m = BASE64_TOKEN.matcher(text);
        while (m.find()) {
            try {
                if (new String(Base64.getDecoder().decode(m.group()), StandardCharsets.ISO_8859_1).contains(SECRET)) return true;
            } catch (IllegalArgumentException ignored) {
                // not base64 after all
            }
        }
        return false;
    }
}
