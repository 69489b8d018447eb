package dev.vantage.hostile;

import java.io.IOException;
import java.net.Socket;

/** Accepts and resets at once (SO_LINGER 0): the handshake completes, the first read meets an RST. */
public final class ResetAfterAcceptServer extends HostileServer {
    public ResetAfterAcceptServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }
}
