package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replies of the protocols that answer with a three-digit code, SMTP (RFC 5321 §4.2) and FTP
 * (RFC 959 §4.2). One line is {@code 250 Ok}; a multi-line reply starts {@code 250-...} and ends
 * at the first line that starts with the same code and a space. SMTP repeats the code on every
 * line; FTP allows any text on the lines in between (FEAT lists its features indented by a space).
 */
public final class TextReplies {
    /** More lines than this is not a reply we want to read: a hostile server could stream forever. */
    public static final int MAX_LINES = 100;
    public static final int MAX_LINE = 2048;

    private TextReplies() {}

    /**
     * One reply.
     *
     * @param code  the three-digit code
     * @param lines the lines as received, code included, without CR LF
     */
    public record Reply(int code, List<String> lines) {
        public Reply {
            lines = List.copyOf(lines);
            if (lines.isEmpty()) throw new IllegalArgumentException("a reply has at least one line");
        }

        /** 2xx: done. */
        public boolean isPositive() {
            return code >= 200 && code < 300;
        }

        /** 3xx: go on (FTP's "password please", SMTP's "start mail input"). */
        public boolean isIntermediate() {
            return code >= 300 && code < 400;
        }

        /** 4xx: not now (greylisting, rate limits, temporary lookup failures). */
        public boolean isTransientFailure() {
            return code >= 400 && code < 500;
        }

        /** 5xx: no. */
        public boolean isPermanentFailure() {
            return code >= 500 && code < 600;
        }

        public String firstLine() {
            return lines.get(0);
        }

        /** The text of each line without the code and its separator; FTP's free-form lines as they are. */
        public List<String> texts() {
            List<String> t = new ArrayList<>(lines.size());
            String prefix = Integer.toString(code);
            for (String line : lines) {
                if (line.startsWith(prefix) && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-')) {
                    t.add(line.length() <= 4 ? "" : line.substring(4));
                } else {
                    t.add(line);
                }
            }
            return t;
        }

        /** The lines joined with " / ", control characters escaped: quotable evidence, at most {@code max} chars. */
        public String evidence(int max) {
            return Connection.excerpt(String.join(" / ", lines).getBytes(StandardCharsets.ISO_8859_1), max);
        }
    }

    /**
     * The reply at the start of {@code text} (lines end with LF or CR LF). With {@code allowIncomplete}
     * a multi-line reply cut short (a greeting read within a time limit, or longer than
     * {@value #MAX_LINES} lines) is returned as far as it goes. Empty when the text does not start
     * with a reply. Never throws.
     */
    public static Optional<Reply> parse(String text, boolean allowIncomplete) {
        try {
            List<String> lines = new ArrayList<>();
            int start = 0;
            while (start < text.length() && lines.size() < MAX_LINES) {
                int nl = text.indexOf('\n', start);
                boolean last = nl < 0;
                String line = text.substring(start, last ? text.length() : nl);
                if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
                if (last && line.isEmpty()) break;
                lines.add(line);
                start = last ? text.length() : nl + 1;
                ReplyBuilder b = ReplyBuilder.of(lines);
                if (b == ReplyBuilder.INVALID) return Optional.empty();
                if (b.complete) return Optional.of(new Reply(b.code, lines));
            }
            if (!allowIncomplete || lines.isEmpty()) return Optional.empty();
            ReplyBuilder b = ReplyBuilder.of(lines);
            return b == ReplyBuilder.INVALID ? Optional.empty() : Optional.of(new Reply(b.code, lines));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads one complete reply, each line bounded by the connection's read timeout.
     *
     * @throws IOException if the service closed the connection, stalled, or sent something that is not a reply
     */
    public static Reply read(Connection c) throws IOException {
        return read(c, 0);
    }

    /**
     * Reads one complete reply, forgiving up to {@code extraWaits} read timeouts between lines: some
     * servers pause on purpose, such as Postfix's postscreen, which sends the first line of its
     * greeting at once and the rest only after about six seconds, to catch clients that talk too
     * early. Still bounded by the connection's budget.
     */
    public static Reply read(Connection c, int extraWaits) throws IOException {
        List<String> lines = new ArrayList<>();
        int waits = 0;
        while (lines.size() < MAX_LINES) {
            String line;
            try {
                line = c.readLine(MAX_LINE);
            } catch (SocketTimeoutException e) {
                if (++waits > extraWaits || c.remainingNanos() <= 0) throw e;
                continue;
            }
            if (line == null) {
                throw new IOException(lines.isEmpty() ? "the service closed the connection" : "the service closed the connection mid-reply");
            }
            lines.add(line);
            ReplyBuilder b = ReplyBuilder.of(lines);
            if (b == ReplyBuilder.INVALID) {
                throw new IOException("not a reply: " + Connection.excerpt(line.getBytes(StandardCharsets.ISO_8859_1), 80));
            }
            if (b.complete) return new Reply(b.code, lines);
        }
        throw new IOException("a reply of more than " + MAX_LINES + " lines");
    }

    /** Whether the lines so far form a reply, and whether it is complete. */
    private record ReplyBuilder(int code, boolean complete) {
        static final ReplyBuilder INVALID = new ReplyBuilder(-1, false);

        static ReplyBuilder of(List<String> lines) {
            String first = lines.get(0);
            int code = codeOf(first);
            if (code < 0) return INVALID;
            if (first.length() == 3 || first.charAt(3) == ' ') return new ReplyBuilder(code, lines.size() == 1);
            if (first.charAt(3) != '-') return INVALID;
            if (lines.size() == 1) return new ReplyBuilder(code, false);
            String last = lines.get(lines.size() - 1);
            boolean ends = codeOf(last) == code && (last.length() == 3 || last.charAt(3) == ' ');
            return new ReplyBuilder(code, ends);
        }

        /** The code 100-599 a line starts with, followed by nothing, a space or a dash; -1 otherwise. */
        static int codeOf(String line) {
            if (line.length() < 3) return -1;
            char a = line.charAt(0);
            char b = line.charAt(1);
            char c = line.charAt(2);
            if (a < '1' || a > '5' || b < '0' || b > '9' || c < '0' || c > '9') return -1;
            if (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-') return -1;
            return (a - '0') * 100 + (b - '0') * 10 + (c - '0');
        }
    }
}
