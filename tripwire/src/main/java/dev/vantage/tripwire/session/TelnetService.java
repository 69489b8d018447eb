package dev.vantage.tripwire.session;

import dev.vantage.tripwire.parse.Printable;
import dev.vantage.tripwire.parse.TelnetText;
import org.jspecify.annotations.Nullable;

import java.io.IOException;

/**
 * A TELNET login prompt like Debian's telnetd: option negotiation, a system line, {@code login:}
 * and {@code Password:}, three tries, then the connection closes. No shell behind it.
 */
public final class TelnetService implements FakeService {
    private static final byte[] NEGOTIATION = {(byte) 0xff, (byte) 0xfb, 0x01, (byte) 0xff, (byte) 0xfb, 0x03}; // WILL ECHO, WILL SGA
    private static final int TRIES = 3;
    private static final int BLANK_LINES = 5;

    @Override
    public void converse(Conversation c) throws IOException {
        c.send(NEGOTIATION);
        c.send("\r\nDebian GNU/Linux 12\r\n\r\n");
        for (int attempt = 0; attempt < TRIES; attempt++) {
            c.send("login: ");
            String user = readUser(c);
            if (user == null) return;
            c.send("Password: ");
            byte[] line = c.readLine();             // an empty line is an empty password, which bots do try
            if (line == null) {
                c.credential(user, null);
                return;
            }
            c.keepSecret(line, 0);
            c.credential(user, TelnetText.strip(line));
            c.send("\r\nLogin incorrect\r\n");
        }
    }

    /** The next line with typed text in it (negotiation-only lines are kept and skipped). */
    private static @Nullable String readUser(Conversation c) throws IOException {
        byte[] line = readTyped(c);
        return line == null ? null : Printable.field(TelnetText.strip(line), 200);
    }

    private static byte @Nullable [] readTyped(Conversation c) throws IOException {
        for (int i = 0; i < BLANK_LINES; i++) {
            byte[] line = c.readLine();
            if (line == null) return null;
            c.keep(line);
            if (TelnetText.strip(line).length > 0) return line;
        }
        return null;
    }
}
