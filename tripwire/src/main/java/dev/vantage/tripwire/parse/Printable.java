package dev.vantage.tripwire.parse;

import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes from a stranger as text that is safe to store and print anywhere: printable ASCII and
 * valid UTF-8 letters as they are; CR, LF, TAB as {@code \r \n \t}; a backslash doubled; every
 * other byte (controls, NUL, invalid UTF-8, terminal escapes) as {@code \xNN}.
 */
public final class Printable {
    private Printable() {}

    /** The whole input escaped (no length limit beyond the input's). */
    public static String escape(byte[] bytes) {
        return escape(bytes, Integer.MAX_VALUE);
    }

    /** Escaped and cut to at most {@code maxChars} characters (an escape is never cut in half). */
    public static String escape(byte[] bytes, int maxChars) {
        StringBuilder s = new StringBuilder(Math.min(bytes.length * 2, 4096));
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            String piece;
            int used = 1;
            if (b >= 0x20 && b < 0x7f) piece = b == '\\' ? "\\\\" : String.valueOf((char) b);
            else if (b == '\r') piece = "\\r";
            else if (b == '\n') piece = "\\n";
            else if (b == '\t') piece = "\\t";
            else if (b >= 0xc2 && b <= 0xf4) {
                int len = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
                String cp = utf8(bytes, i, len);
                if (cp != null && cp.codePoints().allMatch(Printable::isPrintable)) {
                    piece = cp;
                    used = len;
                } else {
                    piece = hex(b);
                }
            } else piece = hex(b);
            if (s.length() + piece.length() > maxChars) break;
            s.append(piece);
            i += used;
        }
        return s.toString();
    }

    /**
     * The first line with visible content, escaped, without its terminator, at most
     * {@code maxChars}; null when there is none.
     */
    public static @Nullable String firstLine(byte[] bytes, int maxChars) {
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') end++;
            byte[] line = java.util.Arrays.copyOfRange(bytes, start, end);
            String text = escape(line, maxChars).strip();
            if (hasVisible(line)) return text;
            start = end + 1;
        }
        return null;
    }

    /** A user name or similar field: escaped, blanks at the ends removed, at most {@code maxChars}. */
    public static String field(byte[] bytes, int maxChars) {
        return escape(bytes, maxChars).strip();
    }

    private static boolean hasVisible(byte[] line) {
        for (byte b : line) if (b != ' ' && b != '\t' && b != 0) return true;     // binary counts: a TLS hello is worth showing
        return false;
    }

    private static String hex(int b) {
        return String.format("\\x%02x", b);
    }

    private static @Nullable String utf8(byte[] bytes, int from, int len) {
        if (from + len > bytes.length) return null;
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer c = d.decode(ByteBuffer.wrap(bytes, from, len));
            return c.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return cp > 0x9f && type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
