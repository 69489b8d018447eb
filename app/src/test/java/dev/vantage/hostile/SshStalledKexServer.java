package dev.vantage.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Greets like a Debian OpenSSH, reads the client's identification and key exchange, sends the
 * first four bytes of its own KEXINIT packet (a length of 1024) and then nothing more.
 */
public final class SshStalledKexServer extends HostileServer {
    public SshStalledKexServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException, InterruptedException {
        OutputStream out = s.getOutputStream();
        out.write("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (s.getInputStream().read(new byte[8192]) < 0) return;
        out.write(new byte[] {0, 0, 4, 0});
        out.flush();
        holdSilently(s);
    }
}
