package dev.vantage.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random identifiers and tokens, and their one-way digests. Every id a user can see in a URL is
 * 128 random bits (unguessable); every bearer secret (session, API token) is 256 bits and kept
 * at rest only as its SHA-256, which is enough for secrets of that entropy (no password
 * stretching needed: there is nothing to guess).
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {}

    /** 128 random bits as 22 characters of base64url: report, order and target ids. */
    public static String newId() {
        return random(16);
    }

    /** 256 random bits as 43 characters of base64url: sessions, CSRF tokens, API tokens. */
    public static String newSecret() {
        return random(32);
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String random(int bytes) {
        return URL.encodeToString(randomBytes(bytes));
    }

    /** The hex SHA-256 of a secret, the form in which it is stored. */
    public static String digest(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Comparison whose time does not depend on where the texts differ. */
    public static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a text has the shape of {@link #newId()} (to reject junk before any lookup). */
    public static boolean looksLikeId(String text) {
        return text.length() == 22 && text.chars().allMatch(Secrets::isUrlChar);
    }

    private static boolean isUrlChar(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
