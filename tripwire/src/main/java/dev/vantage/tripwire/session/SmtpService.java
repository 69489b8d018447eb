package dev.vantage.tripwire.session;

import dev.vantage.tripwire.parse.Printable;
import dev.vantage.tripwire.parse.SmtpAuth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * An SMTP server like Postfix that offers AUTH and refuses it, refuses to relay, and never
 * accepts DATA: enough for a bot to show which accounts it tries and where it wants mail to go.
 */
public final class SmtpService implements FakeService {
    private static final int COMMANDS = 12;
    private static final int AUTH_TRIES = 3;
    private static final String AUTH_FAILED = "535 5.7.8 Error: authentication failed: authentication failure\r\n";

    @Override
    public void converse(Conversation c) throws IOException {
        c.send("220 localhost ESMTP Postfix (Debian/GNU)\r\n");
        int authTries = 0;
        for (int i = 0; i < COMMANDS; i++) {
            byte[] line = c.readLine();
            if (line == null) return;
            String text = new String(line, StandardCharsets.ISO_8859_1).strip();
            String verb = text.split("[\\s\\x00]+", 2)[0].toUpperCase(Locale.ROOT);
            if (verb.equals("AUTH")) {
                authTries++;
                auth(c, line, text);
                if (authTries >= AUTH_TRIES) return;
                continue;
            }
            c.keep(line);
            switch (verb) {
                case "" -> { }
                case "EHLO" -> c.send("250-localhost\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-AUTH PLAIN LOGIN\r\n"
                        + "250-8BITMIME\r\n250 SMTPUTF8\r\n");
                case "HELO" -> c.send("250 localhost\r\n");
                case "MAIL", "RSET", "NOOP" -> c.send("250 2.0.0 Ok\r\n");
                case "RCPT" -> c.send("554 5.7.1 Relay access denied\r\n");
                case "DATA" -> c.send("554 5.5.1 Error: no valid recipients\r\n");
                case "QUIT" -> {
                    c.send("221 2.0.0 Bye\r\n");
                    return;
                }
                default -> c.send("502 5.5.2 Error: command not recognized\r\n");
            }
        }
    }

    private static void auth(Conversation c, byte[] line, String text) throws IOException {
        String[] words = text.split("\\s+");
        String mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
        int initial = initialResponseStart(line);
        boolean hasInitial = initial < stripped(line).length;
        switch (mechanism) {
            case "PLAIN" -> {
                byte[] response;
                if (hasInitial) {
                    c.keepSecret(line, initial);
                    response = Arrays.copyOfRange(line, initial, line.length);
                } else {
                    c.keep(line);
                    c.send("334 \r\n");
                    response = c.readLine();
                    if (response == null) return;
                    c.keepSecret(response, 0);
                }
                SmtpAuth.plain(response).ifPresentOrElse(c::credential, () -> c.credential("", stripped(response)));
            }
            case "LOGIN" -> {
                byte[] userLine;
                c.keep(line);
                if (hasInitial) {
                    userLine = Arrays.copyOfRange(line, initial, line.length);
                } else {
                    c.send("334 VXNlcm5hbWU6\r\n");
                    userLine = c.readLine();
                    if (userLine == null) return;
                    c.keep(userLine);
                }
                String user = Printable.field(SmtpAuth.loginValue(stripped(userLine)), 200);
                c.send("334 UGFzc3dvcmQ6\r\n");
                byte[] passwordLine = c.readLine();
                if (passwordLine == null) {
                    c.credential(user, null);
                    return;
                }
                c.keepSecret(passwordLine, 0);
                c.credential(user, SmtpAuth.loginValue(stripped(passwordLine)));
            }
            default -> {
                // Unknown mechanisms (CRAM-MD5, XOAUTH2, ...): their responses may carry secrets; keep only the command.
                c.keepSecret(line, Math.min(line.length, "AUTH ".length() + mechanism.length()));
                c.send("504 5.5.4 Unsupported authentication mechanism\r\n");
                return;
            }
        }
        c.send(AUTH_FAILED);
    }

    /** Where the initial response starts in {@code AUTH MECH response}: after the second run of blanks. */
    private static int initialResponseStart(byte[] line) {
        int i = 0;
        for (int word = 0; word < 2; word++) {
            while (i < line.length && blank(line[i])) i++;
            while (i < line.length && !blank(line[i]) && line[i] != '\r' && line[i] != '\n' && line[i] != 0) i++;
        }
        while (i < line.length && blank(line[i])) i++;
        return i;
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == 0x0b || b == '\f';
    }

    private static byte[] stripped(byte[] line) {
        int stop = line.length;
        while (stop > 0 && (line[stop - 1] == '\r' || line[stop - 1] == '\n' || line[stop - 1] == 0 || line[stop - 1] == ' ')) stop--;
        return Arrays.copyOf(line, stop);
    }
}
