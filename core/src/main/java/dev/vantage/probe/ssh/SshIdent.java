package dev.vantage.probe.ssh;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identification line a server sends first (RFC 4253 §4.2):
 * {@code SSH-protoversion-softwareversion SP comments CR LF}, possibly after other lines.
 *
 * @param line     the whole line without CR LF
 * @param protocol "2.0", "1.99" (SSH-1 and SSH-2), "1.5" (SSH-1 only)
 * @param software e.g. {@code OpenSSH_9.2p1}
 * @param comment  e.g. {@code Debian-2+deb12u3}, or null
 */
public record SshIdent(String line, String protocol, String software, @Nullable String comment) {
    /** RFC 4253 §4.2: printable US-ASCII, at most 255 characters; longer or stranger parts are cut off. */
    private static final Pattern IDENT = Pattern.compile("^SSH-(\\d+\\.\\d+)-([\\x21-\\x7e]{1,200})(?: ([\\x20-\\x7e]{0,200}))?", Pattern.MULTILINE);

    /** Finds the identification line in what the server sent first (at most the first 4 KiB). */
    public static Optional<SshIdent> parse(byte[] greeting) {
        String text = new String(greeting, 0, Math.min(greeting.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = IDENT.matcher(text);
        if (!m.find()) return Optional.empty();
        String comment = m.group(3) == null ? null : m.group(3).strip();
        return Optional.of(new SshIdent(m.group(0), m.group(1), m.group(2), comment == null || comment.isEmpty() ? null : comment));
    }

    /** Whether the server still accepts SSH protocol 1 (1.99 means both; 1.x alone means SSH-1 only). */
    public boolean speaksProtocol1() {
        return protocol.startsWith("1.");
    }
}
