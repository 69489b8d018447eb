package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.IdentProbe;
import dev.vantage.probe.builtin.IdentProbe.IdentReply;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Does IDENT tell strangers who owns a connection? We open one connection to the IDENT port and
 * hold it (never reading from it), then ask on a second one about the first: {@code <ident port>,
 * <our local port>}. A daemon that answers USERID names the account behind any connection anyone
 * asks about; here, the account the daemon itself runs as. Answers of type OTHER are tokens by
 * definition (RFC 1413: not a user name), so they are not reported. Behind NAT our port differs on
 * the server's side and the daemon can only say NO-USER: then nothing is reported either.
 */
public final class IdentDisclosureCheck implements Check {
    public static final String ID = "ident-disclosure";
    public static final String DISCLOSURE = "ident-disclosure";
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ident"), 2, false, Set.of(DISCLOSURE));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        try (Socket held = new Socket()) {
            held.connect(ctx.address(), CONNECT_TIMEOUT_MILLIS);
            String question = ctx.port() + ", " + held.getLocalPort();
            try (Connection c = ctx.connectPlain()) {
                c.writeLine(question);
                String answer = c.readLine(1024);
                if (answer == null) throw new IOException("the daemon closed the connection without an answer");
                return judge(question, answer);
            }
        }
    }

    /** The finding for the daemon's answer to {@code question}, if any. Pure, for tests. */
    static List<Finding> judge(String question, String answer) {
        Optional<IdentReply> r = IdentProbe.parseReply(answer);
        if (r.isEmpty() || !r.get().userId() || r.get().opsys().equals("OTHER")) return List.of();
        return List.of(new Finding(DISCLOSURE, ID, "asked about our own connection (\"" + question + "\"), the daemon answered \""
                + Connection.excerpt(answer.getBytes(StandardCharsets.ISO_8859_1), 160) + "\": user " + printable(r.get().value())));
    }

    private static String printable(String s) {
        return Connection.excerpt(s.getBytes(StandardCharsets.ISO_8859_1), 80);
    }
}
