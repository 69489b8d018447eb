package dev.vantage.check.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.TextReplies;
import dev.vantage.probe.builtin.TextReplies.Reply;

import java.io.Closeable;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * One FTP control conversation for the checks: greeting, one command at a time, AUTH TLS, the
 * anonymous login. Command lines are checked before sending (printable ASCII, no line breaks).
 */
final class FtpSession implements Closeable {
    /** The password of the anonymous login: by custom an e-mail address; this one is made up and reserved. */
    static final String ANONYMOUS_PASSWORD = "vantage-check@vantage.invalid";
    private static final Pattern SAFE_COMMAND = Pattern.compile("[\\x20-\\x7e]{1,510}");
    private static final Pattern WANTS_TLS = Pattern.compile("(?i)\\b(TLS|SSL|encrypt\\w*|secure)\\b");

    private Connection connection;
    private final Reply greeting;

    private FtpSession(Connection connection, Reply greeting) {
        this.connection = connection;
        this.greeting = greeting;
    }

    /** Reads the greeting; a refusal (421, 530, vsftpd's 500 OOPS) ends the check with "could not tell". */
    static FtpSession start(Connection c) throws IOException {
        try {
            Reply g = TextReplies.read(c, 1);
            if (!g.isPositive()) throw new IOException("the server refused the session: " + g.evidence(120));
            return new FtpSession(c, g);
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

    Reply command(String line) throws IOException {
        if (!SAFE_COMMAND.matcher(line).matches()) throw new IOException("refusing to send an unsafe command line");
        connection.writeLine(line);
        return TextReplies.read(connection);
    }

    /** AUTH TLS; the reply, and when it is 234 the conversation continues inside TLS. */
    Reply authTls() throws IOException {
        Reply r = command("AUTH TLS");
        if (r.code() == 234) connection = connection.startTls(null);
        return r;
    }

    /** The result of an anonymous login attempt: the replies to USER and (if asked for) PASS. */
    record Login(Reply user, Reply pass) {
        boolean succeeded() {
            return pass.code() == 230;
        }

        String evidence() {
            if (user == pass) {
                return "USER anonymous answered \"" + user.evidence(120) + "\"" + (user.code() == 230 ? " (no password asked)" : "");
            }
            return "USER anonymous answered \"" + user.evidence(100) + "\", PASS " + ANONYMOUS_PASSWORD
                    + " answered \"" + pass.evidence(120) + "\"";
        }
    }

    /**
     * Logs in as anonymous with a made-up address as password. When the server refuses to do so in
     * clear and offers AUTH TLS, tries once more inside TLS: anyone can do that too.
     */
    Login anonymous() throws IOException {
        Login l = anonymousOnce();
        if (!l.succeeded() && !isTls() && (l.user().code() == 530 || l.user().code() == 534 || l.user().code() == 550)
                && WANTS_TLS.matcher(String.join(" ", l.user().texts())).find()) {
            if (authTls().code() == 234) l = anonymousOnce();
        }
        return l;
    }

    private Login anonymousOnce() throws IOException {
        Reply user = command("USER anonymous");
        if (user.code() == 230) return new Login(user, user);
        if (user.code() != 331 && user.code() != 332) return new Login(user, user);
        return new Login(user, command("PASS " + ANONYMOUS_PASSWORD));
    }

    void quit() {
        try {
            command("QUIT");
        } catch (IOException e) {
            // over either way
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
