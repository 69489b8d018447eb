package dev.vantage.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Random;

/**
 * Waits for the client's first bytes and answers with what starts like a TLS handshake record
 * (type 22, version 3.3, a maximal length) and continues as random bytes.
 */
public final class TlsGarbageServer extends HostileServer {
    public TlsGarbageServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        if (in.read(new byte[4096]) < 0) return;
        OutputStream out = s.getOutputStream();
        out.write(new byte[] {0x16, 0x03, 0x03, (byte) 0x40, 0x00, 0x02, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        byte[] junk = new byte[32 * 1024];
        new Random(7).nextBytes(junk);
        out.write(junk);
        out.flush();
    }
}
