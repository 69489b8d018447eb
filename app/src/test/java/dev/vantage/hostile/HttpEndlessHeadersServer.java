package dev.vantage.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Answers any request with a status line and then header lines that never end. */
public final class HttpEndlessHeadersServer extends HostileServer {
    public HttpEndlessHeadersServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException {
        if (s.getInputStream().read(new byte[4096]) < 0) return;
        OutputStream out = s.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
        repeat(out, "X-Filler: and-another-header-and-another-header\r\n".getBytes(StandardCharsets.US_ASCII), 256L << 20);
    }
}
