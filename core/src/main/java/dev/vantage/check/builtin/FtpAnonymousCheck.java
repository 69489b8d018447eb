package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Anonymous FTP: {@code USER anonymous}, {@code PASS} a made-up address; 230 means anyone can log
 * in. Nothing is listed or downloaded: the login itself is the finding.
 */
public final class FtpAnonymousCheck implements Check {
    public static final String ID = "ftp-anonymous";
    public static final String ANONYMOUS = "ftp-anonymous";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ftp"), 2, false, Set.of(ANONYMOUS));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        try (FtpSession s = FtpSession.start(ctx.connect())) {
            FtpSession.Login login = s.anonymous();
            s.quit();
            if (!login.succeeded()) return List.of();
            return List.of(new Finding(ANONYMOUS, ID, login.evidence() + (s.isTls() ? " (after AUTH TLS)" : "")));
        }
    }
}
