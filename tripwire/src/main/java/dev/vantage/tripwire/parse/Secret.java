package dev.vantage.tripwire.parse;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * A password found in what a client sent, with the user name that came with it, if any. The
 * password bytes live only until they are hashed; transcripts show {@link #marker(int)} instead.
 *
 * @param user     the user name, printable (see {@link Printable#field}), or null
 * @param password the password as sent
 */
public record Secret(@Nullable String user, byte[] password) {
    /** What a transcript shows in place of a password of {@code length} bytes. */
    public static String marker(int length) {
        return "[password removed, " + length + " bytes]";
    }

    public static byte[] markerBytes(int length) {
        return marker(length).getBytes(StandardCharsets.US_ASCII);
    }
}
