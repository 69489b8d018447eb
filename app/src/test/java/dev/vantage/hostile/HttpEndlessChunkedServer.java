package dev.vantage.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Answers any request with a chunked body whose last chunk never comes. */
public final class HttpEndlessChunkedServer extends HostileServer {
    public HttpEndlessChunkedServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException {
        if (s.getInputStream().read(new byte[4096]) < 0) return;
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] data = new byte[0x3fe];
        Arrays.fill(data, (byte) 'x');
        byte[] chunk = ("3fe\r\n" + new String(data, StandardCharsets.US_ASCII) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        repeat(out, chunk, 256L << 20);
    }
}
