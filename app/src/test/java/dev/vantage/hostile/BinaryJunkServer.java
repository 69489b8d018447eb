package dev.vantage.hostile;

import java.io.IOException;
import java.net.Socket;
import java.util.Random;

/** Answers with seeded random bytes (a megabyte per connection) whatever the peer says. */
public final class BinaryJunkServer extends HostileServer {
    public BinaryJunkServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException {
        byte[] junk = new byte[16 * 1024];
        Random random = new Random(s.getPort());
        for (int i = 0; i < 64 && !isClosed(); i++) {
            random.nextBytes(junk);
            s.getOutputStream().write(junk);
        }
        s.getOutputStream().flush();
    }
}
