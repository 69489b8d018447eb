package dev.vantage.check.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.SmtpProbe;
import dev.vantage.probe.builtin.TextReplies;
import dev.vantage.probe.builtin.TextReplies.Reply;
import org.jspecify.annotations.Nullable;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One SMTP conversation for the checks: greeting, EHLO (HELO if the server knows no ESMTP), one
 * command at a time (never pipelined), STARTTLS when asked. Commands are checked before sending:
 * nothing with a line break or outside printable ASCII leaves this class, so a value taken from a
 * hostile greeting cannot smuggle a command (such as DATA) into the conversation.
 */
final class SmtpSession implements Closeable {
    /** What we call ourselves in EHLO; under the reserved .invalid, so it is never anybody's name. */
    static final String HELO_NAME = "vantage-check.invalid";
    /** Read timeouts forgiven while the greeting comes: postscreen and tarpits greet slowly on purpose. */
    static final int GREETING_WAITS = 2;
    private static final Pattern SAFE_COMMAND = Pattern.compile("[\\x20-\\x7e]{1,510}");

    private Connection connection;
    private final Reply greeting;
    private @Nullable Reply hello;
    private final Map<String, String> extensions = new LinkedHashMap<>();

    private SmtpSession(Connection connection, Reply greeting) {
        this.connection = connection;
        this.greeting = greeting;
    }

    /** Reads the greeting on a fresh connection; the session owns (and closes) the connection. */
    static SmtpSession start(Connection c) throws IOException {
        try {
            return new SmtpSession(c, TextReplies.read(c, GREETING_WAITS));
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    Reply greeting() {
        return greeting;
    }

    boolean isTls() {
        return connection.isTls();
    }

    /** EHLO, or HELO when EHLO is refused outright (an SMTP-only server); the reply of the one that counted. */
    Reply hello() throws IOException {
        extensions.clear();
        Reply r = command("EHLO " + HELO_NAME);
        if (r.isPositive()) {
            for (String t : r.texts().subList(1, r.texts().size())) {
                String line = t.strip();
                if (line.isEmpty()) continue;
                int sp = line.indexOf(' ');
                String key = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
                String params = sp < 0 ? "" : line.substring(sp + 1).strip();
                // "AUTH=PLAIN LOGIN" is the pre-standard form some servers still add next to "AUTH PLAIN LOGIN"
                if (key.startsWith("AUTH=")) {
                    params = (key.substring(5) + " " + params).strip();
                    key = "AUTH";
                }
                extensions.merge(key, params, (a, b) -> (a + " " + b).strip());
            }
        } else if (r.code() == 500 || r.code() == 502 || r.code() == 504) {
            r = command("HELO " + HELO_NAME);
        }
        hello = r;
        return r;
    }

    /** The EHLO keywords (upper case) and their parameters; empty after HELO. */
    Map<String, String> extensions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    boolean offers(String keyword) {
        return extensions.containsKey(keyword);
    }

    /** The server's name from its EHLO reply or, failing that, its greeting; null when neither names a plausible host. */
    @Nullable String serverName() {
        String n = hello != null && hello.isPositive() ? SmtpProbe.hostName(hello) : null;
        if (n == null) n = SmtpProbe.hostName(greeting);
        return n != null && n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Sends one command line and reads the complete reply. */
    Reply command(String line) throws IOException {
        if (!SAFE_COMMAND.matcher(line).matches()) throw new IOException("refusing to send an unsafe command line");
        connection.writeLine(line);
        return TextReplies.read(connection);
    }

    /** STARTTLS; true when the conversation now continues inside TLS (EHLO must be sent again). */
    boolean startTls() throws IOException {
        Reply r = command("STARTTLS");
        if (r.code() != 220) return false;
        connection = connection.startTls(null);
        extensions.clear();
        hello = null;
        return true;
    }

    /** QUIT, politely and without caring whether the server still listens. */
    void quit() {
        try {
            command("QUIT");
        } catch (IOException e) {
            // the conversation is over either way
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
