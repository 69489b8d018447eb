package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.builtin.TextReplies.Reply;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * FTP bounce: logged in as anonymous (the only login an outsider has), does the server accept a
 * {@code PORT} naming an address other than ours? We name 192.0.2.1 port 80 (TEST-NET-1, RFC 5737,
 * which no host has) and judge the reply alone: 200 means it would connect there. No transfer
 * command ever follows, so the server never opens that connection. Servers that refuse anonymous
 * logins cannot be judged from outside and are not reported.
 */
public final class FtpBounceCheck implements Check {
    public static final String ID = "ftp-bounce";
    public static final String BOUNCE = "ftp-bounce";
    /** PORT h1,h2,h3,h4,p1,p2: 192.0.2.1, port 0*256+80. */
    static final String FOREIGN_PORT = "PORT 192,0,2,1,0,80";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ftp"), 2, false, Set.of(BOUNCE));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        try (FtpSession s = FtpSession.start(ctx.connect())) {
            if (!s.anonymous().succeeded()) {
                s.quit();
                return List.of();
            }
            Reply port = s.command(FOREIGN_PORT);
            s.quit();
            if (port.code() != 200) return List.of();
            return List.of(new Finding(BOUNCE, ID, "logged in as anonymous, " + FOREIGN_PORT
                    + " (an address that is not ours) answered \"" + port.evidence(120) + "\"; no transfer was started"));
        }
    }
}
