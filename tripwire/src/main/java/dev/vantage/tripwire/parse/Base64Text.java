package dev.vantage.tripwire.parse;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Base64 as protocols carry it (SMTP AUTH, HTTP Basic): blanks ignored, padding optional, nothing else tolerated. */
public final class Base64Text {
    private Base64Text() {}

    /** The decoded bytes, or null when the text is not base64. */
    public static byte @Nullable [] decode(byte[] text) {
        if (text.length > 8192) return null;
        String s = new String(text, StandardCharsets.ISO_8859_1).replaceAll("[\\s\\x00]", "");
        if (s.isEmpty() || !s.matches("[A-Za-z0-9+/]*={0,2}")) return null;
        if (s.indexOf('=') < 0) {
            int pad = (4 - s.length() % 4) % 4;
            if (pad == 3) return null;
            s += "=".repeat(pad);
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
