package dev.vantage.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Listens with a backlog of one and never accepts: the kernel completes the first handshakes, then
 * the accept queue is full and later SYNs go unanswered.
 */
public final class NeverAcceptsServer extends HostileServer {
    public NeverAcceptsServer() throws IOException {
        super(InetAddress.getLoopbackAddress(), 0, 1);
    }

    @Override
    public HostileServer start() {
        return this;
    }

    @Override
    protected void serve(Socket s) {
        throw new IllegalStateException("never accepts");
    }
}
