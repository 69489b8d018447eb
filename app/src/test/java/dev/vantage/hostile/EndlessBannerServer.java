package dev.vantage.hostile;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Greets with a banner that never ends: line after line of welcome text, as fast as the peer reads. */
public final class EndlessBannerServer extends HostileServer {
    public EndlessBannerServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException {
        repeat(s.getOutputStream(), "Welcome! This banner goes on and on and on.\r\n".getBytes(StandardCharsets.US_ASCII),
                1L << 30);
    }
}
