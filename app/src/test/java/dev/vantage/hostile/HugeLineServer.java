package dev.vantage.hostile;

import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;

/** Sends a 10 MB line with no line end (it starts like an SMTP greeting), then waits. */
public final class HugeLineServer extends HostileServer {
    static final int LINE_BYTES = 10 * 1024 * 1024;

    public HugeLineServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException, InterruptedException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'A');
        byte[] start = "220 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, chunk, 0, start.length);
        s.getOutputStream().write(chunk);
        Arrays.fill(chunk, 0, start.length, (byte) 'A');
        repeat(s.getOutputStream(), chunk, LINE_BYTES - chunk.length);
        holdSilently(s);
    }
}
