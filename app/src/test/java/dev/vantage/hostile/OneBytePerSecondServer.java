package dev.vantage.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A tar pit: an SSH greeting, one byte per second, so every read succeeds just in time and none ends it. */
public final class OneBytePerSecondServer extends HostileServer {
    private static final byte[] GREETING = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n".getBytes(StandardCharsets.US_ASCII);

    public OneBytePerSecondServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException, InterruptedException {
        OutputStream out = s.getOutputStream();
        for (int i = 0; i < 600 && !isClosed(); i++) {
            out.write(GREETING[i % GREETING.length]);
            out.flush();
            Thread.sleep(1000);
        }
    }
}
