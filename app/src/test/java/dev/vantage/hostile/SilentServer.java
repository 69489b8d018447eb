package dev.vantage.hostile;

import java.io.IOException;
import java.net.Socket;

/** Accepts and then says nothing, ever, whatever it is sent. */
public final class SilentServer extends HostileServer {
    public SilentServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws InterruptedException {
        holdSilently(s);
    }
}
