package dev.vantage.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Answers a ClientHello with the start of a ServerHello record and then trickles the rest, one
 * byte every 1.5 seconds: each read of the TLS engine gets a byte before its timeout, and the
 * handshake never completes. Anything that is not a ClientHello gets silence.
 */
public final class TlsStalledHandshakeServer extends HostileServer {
    public TlsStalledHandshakeServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException, InterruptedException {
        InputStream in = s.getInputStream();
        byte[] hello = new byte[4096];
        int n = in.read(hello);
        if (n <= 0 || hello[0] != 0x16) {
            holdSilently(s);
            return;
        }
        OutputStream out = s.getOutputStream();
        out.write(new byte[] {0x16, 0x03, 0x03, 0x00, 0x4a, 0x02, 0x00, 0x00, 0x46, 0x03, 0x03});
        out.flush();
        for (int i = 0; i < 100 && !isClosed(); i++) {
            Thread.sleep(1500);
            out.write(0x5a);
            out.flush();
        }
    }
}
