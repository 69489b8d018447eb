package dev.vantage.tripwire.session;

import java.io.IOException;

/**
 * An SSH server's identification line (RFC 4253, 4.2), then the client's own and whatever it
 * sends next (its key-exchange offer tells which library it uses); then the connection closes.
 * No key exchange, so no password is ever sent here.
 */
public final class SshService implements FakeService {
    private static final int AFTER_IDENTIFICATION_MILLIS = 1000;

    @Override
    public void converse(Conversation c) throws IOException {
        c.send("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n");
        for (int i = 0; i < 5; i++) {                   // RFC 4253 allows other lines before the identification
            byte[] line = c.readLine();
            if (line == null) return;
            c.keep(line);
            if (line.length >= 4 && line[0] == 'S' && line[1] == 'S' && line[2] == 'H' && line[3] == '-') break;
        }
        c.keep(c.readAvailable(AFTER_IDENTIFICATION_MILLIS));
    }
}
