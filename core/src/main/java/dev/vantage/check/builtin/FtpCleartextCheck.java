package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.builtin.TextReplies.Reply;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * FTP logins in clear text. On a plain control connection: FEAT lists no {@code AUTH TLS}, or
 * {@code AUTH TLS} is refused, so every password crosses the network readable. If TLS is offered,
 * a second connection asks whether it is optional: {@code USER} with a made-up name before AUTH
 * TLS answered 331 ("password please") means the server would take the password in clear. No
 * password is ever sent. Ports that speak TLS from the start (990) have nothing to report.
 */
public final class FtpCleartextCheck implements Check {
    public static final String ID = "ftp-cleartext";
    public static final String CLEARTEXT = "ftp-cleartext-login";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ftp"), 2, false, Set.of(CLEARTEXT));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        if (ctx.service().tls()) return List.of();
        String featNote;
        try (FtpSession s = FtpSession.start(ctx.connectPlain())) {
            Reply feat = s.command("FEAT");
            boolean listed = feat.isPositive() && offersAuthTls(feat);
            featNote = feat.isPositive() ? (listed ? "FEAT lists AUTH TLS" : "FEAT lists no AUTH TLS")
                    : "FEAT is not supported (\"" + feat.evidence(80) + "\")";
            Reply auth = s.command("AUTH TLS");
            if (auth.code() != 234) {
                s.quit();
                return List.of(new Finding(CLEARTEXT, ID, featNote + "; AUTH TLS answered \"" + auth.evidence(120) + "\""));
            }
            // 234: the server now waits for a TLS handshake; closing is the polite way out.
        }
        try (FtpSession s = FtpSession.start(ctx.connectPlain())) {
            String user = "vantage-probe-" + HexFormat.of().formatHex(randomBytes());
            Reply r = s.command("USER " + user);
            s.quit();
            if (r.code() == 331 || r.code() == 332) {
                return List.of(new Finding(CLEARTEXT, ID, featNote + " and AUTH TLS works, but TLS is optional: USER "
                        + user + " before AUTH TLS answered \"" + r.evidence(120) + "\""));
            }
            return List.of();
        }
    }

    /** Whether a FEAT reply lists AUTH with TLS (RFC 4217) or the older SSL. */
    static boolean offersAuthTls(Reply feat) {
        for (String line : feat.texts()) {
            String l = line.strip().toUpperCase(Locale.ROOT);
            if (l.startsWith("AUTH ") && (l.contains("TLS") || l.contains("SSL"))) return true;
        }
        return false;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return b;
    }
}
