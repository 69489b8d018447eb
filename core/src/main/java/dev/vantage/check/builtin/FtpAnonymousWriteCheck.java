package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.TextReplies.Reply;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anonymous uploads (intrusive, level 3): logged in as anonymous, create a uniquely named, empty
 * directory ({@code MKD vantage-write-test-<date>-<random>}) in the login directory or one of the
 * usual upload directories, and remove it again at once ({@code RMD}). No file is ever stored.
 * Many servers let anonymous users create but not delete; then the finding says so and names the
 * empty directory the owner should remove.
 */
public final class FtpAnonymousWriteCheck implements Check {
    public static final String ID = "ftp-anonymous-write";
    public static final String WRITABLE = "ftp-anonymous-write";
    /** Where anonymous uploads usually go, relative to the anonymous root; tried in this order. */
    static final List<String> PLACES = List.of("", "incoming/", "upload/", "uploads/", "pub/incoming/", "pub/upload/", "pub/");
    private static final Pattern QUOTED_PATH = Pattern.compile("\"((?:[^\"]|\"\")*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ftp"), 3, true, Set.of(WRITABLE));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        String name = "vantage-write-test-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "")
                + "-" + HexFormat.of().formatHex(randomBytes());
        try (FtpSession s = FtpSession.start(ctx.connect())) {
            if (!s.anonymous().succeeded()) {
                s.quit();
                return List.of();
            }
            for (String place : PLACES) {
                String path = place + name;
                Reply mkd = s.command("MKD " + path);
                if (mkd.code() != 257) continue;
                String evidence = "MKD " + path + " answered \"" + mkd.evidence(160) + "\"; " + cleanUp(s, path, name, createdPath(mkd));
                s.quit();
                return List.of(new Finding(WRITABLE, ID, evidence));
            }
            s.quit();
            return List.of();
        }
    }

    /** Removes the directory just made; says what happened, naming it if it is still there. */
    private static String cleanUp(FtpSession s, String path, String name, @Nullable String created) throws IOException {
        Reply rmd = s.command("RMD " + path);
        if (rmd.isPositive()) return "removed it again (RMD answered \"" + rmd.evidence(80) + "\")";
        // The path the server reported, but only if it is our own directory: a hostile reply must not steer RMD elsewhere.
        if (created != null && !created.equals(path) && created.endsWith("/" + name)) {
            Reply again = s.command("RMD " + created);
            if (again.isPositive()) return "removed it again (RMD answered \"" + again.evidence(80) + "\")";
        }
        return "could NOT remove it (RMD answered \"" + rmd.evidence(80) + "\"): please delete the empty directory "
                + Connection.excerpt((created != null ? created : path).getBytes(StandardCharsets.ISO_8859_1), 200) + " by hand";
    }

    /** The path a 257 reply names ({@code 257 "/incoming/x" created}), with doubled quotes undone. */
    static @Nullable String createdPath(Reply mkd) {
        Matcher m = QUOTED_PATH.matcher(mkd.texts().get(0));
        return m.find() ? m.group(1).replace("\"\"", "\"") : null;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return b;
    }
}
