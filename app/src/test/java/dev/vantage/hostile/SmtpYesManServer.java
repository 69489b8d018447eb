package dev.vantage.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server that answers 250 to every command, whatever it is: it accepts every sender and
 * every recipient, including surely invalid ones. It remembers the commands it was sent, so the
 * test can prove that no DATA was ever sent.
 */
public final class SmtpYesManServer extends HostileServer {
    private final List<String> verbs = new CopyOnWriteArrayList<>();

    public SmtpYesManServer() throws IOException {
        super();
    }

    @Override
    protected void serve(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write("220 yes.hostile.test ESMTP ready\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 10_000; i++) {
            String line = in.readLine();
            if (line == null) return;
            String verb = line.strip().split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (verbs.size() < 100_000) verbs.add(verb);
            out.write("250 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** The command verbs received so far, over every connection. */
    public List<String> verbs() {
        return List.copyOf(verbs);
    }
}
