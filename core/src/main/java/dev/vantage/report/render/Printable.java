package dev.vantage.report.render;

import java.util.Locale;

/**
 * Makes text from the scanned servers safe to show. Banners, evidence and product strings come
 * from machines that may be hostile: they can carry terminal escape sequences, bidirectional
 * overrides that reorder what a reader sees, NUL bytes that XML forbids, or megabytes of noise.
 * Every renderer passes such text through {@link #clean} before its own escaping.
 */
public final class Printable {
    /** Longest text shown from one hostile field; reports stay readable and bounded. */
    static final int MAX_CHARS = 2000;

    private Printable() {}

    /**
     * The text with every control, format and unpaired-surrogate character made visible as an
     * escape ({@code \x1b}, {@code \u202e}), cut to {@value #MAX_CHARS} characters. Newlines and
     * tabs stay (renderers lay them out); carriage returns go.
     */
    public static String clean(String text) {
        int limit = Math.min(text.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(limit + 16);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (c == '\r') {
                if (i + 1 >= limit || text.charAt(i + 1) != '\n') out.append('\n');
            } else if (Character.isHighSurrogate(c) && i + 1 < limit && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (isInvisible(cp)) out.append(String.format(Locale.ROOT, "\\u{%x}", cp));
                else out.append(c).append(text.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c) || isInvisible(c)) {
                out.append(c < 0x100 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > MAX_CHARS) out.append('…');
        return out.toString();
    }

    /** {@link #clean} with line breaks and tabs turned into spaces, for one-line fields. */
    public static String oneLine(String text) {
        return clean(text).replace('\n', ' ').replace('\t', ' ').strip();
    }

    /** Controls (C0, DEL, C1), format characters (bidi overrides, zero-width) and non-characters. */
    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED && (cp & 0xfffe) == 0xfffe
                || type == Character.PRIVATE_USE;
    }

    /** HTML and XML text and attribute escaping of already {@link #clean}ed text. */
    public static String escapeXml(String cleaned) {
        StringBuilder out = new StringBuilder(cleaned.length() + 16);
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Cleans and escapes in one step: the only way hostile text enters HTML or XML. */
    public static String html(String text) {
        return escapeXml(clean(text));
    }
}
