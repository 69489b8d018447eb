package dev.vantage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mistake the user can fix: a malformed target, port list, option value or input file.
 * The message is one sentence that says what is wrong and what to do; callers print it as-is
 * and exit with status 2, never with a stack trace.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Longest stretch of the user's own text a message repeats, and longest message. */
    private static final int MAX_QUOTED = 60;
    private static final int MAX_MESSAGE = 500;
    private static final Pattern LONG_QUOTE = Pattern.compile("'([^']{" + (MAX_QUOTED + 1) + ",})'");

    public BadInputException(String message) {
        super(readable(message), null, false, false);
    }

    /**
     * Messages repeat what the user wrote, and that may be anything: a 1 MB port list, a binary
     * target file, terminal escape sequences. So control characters are shown escaped, a quoted
     * piece of input is cut to {@value #MAX_QUOTED} characters, and the whole message to
     * {@value #MAX_MESSAGE}, keeping its end, which says what to do. Public for messages that
     * come from elsewhere (the command-line parser's) and repeat input just the same.
     */
    public static String readable(String message) {
        StringBuilder s = new StringBuilder(Math.min(message.length(), 4 * MAX_MESSAGE));
        message.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) s.append(String.format("\\x%02x", c));
            else s.appendCodePoint(c);
        });
        String text = LONG_QUOTE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                "'" + head(m.group(1), MAX_QUOTED) + "…'"));
        if (text.length() <= MAX_MESSAGE) return text;
        int tail = MAX_MESSAGE / 4;
        int from = text.length() - tail;
        if (Character.isLowSurrogate(text.charAt(from))) from++;
        return head(text, MAX_MESSAGE - tail - 1) + "…" + text.substring(from);
    }

    /** The first {@code n} chars of {@code t}, one fewer where a surrogate pair would be split. */
    private static String head(String t, int n) {
        return t.substring(0, Character.isHighSurrogate(t.charAt(n - 1)) ? n - 1 : n);
    }
}
