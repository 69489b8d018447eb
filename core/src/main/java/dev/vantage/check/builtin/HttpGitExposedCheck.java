package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A web root that contains its Git repository: {@code /.git/HEAD} answers 200 with a ref or a
 * commit id, or {@code /.git/config} with a {@code [core]} section. Nothing beyond those two
 * small files is read.
 */
public final class HttpGitExposedCheck implements Check {
    static final String ID = "http-git";
    static final String FINDING = "http-git-exposed";
    private static final Pattern HEAD = Pattern.compile("^(ref: refs/\\S+|[0-9a-f]{40}|[0-9a-f]{64})\\s*$");
    private static final Pattern CONFIG = Pattern.compile("(?m)^\\[core]");

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("http"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        HttpResponse head = HttpRequests.get(context, "/.git/HEAD");
        if (head.status() == 200 && HEAD.matcher(head.body().strip()).matches()) {
            return List.of(new Finding(FINDING, ID, "/.git/HEAD is readable: " + head.body().strip()));
        }
        HttpResponse config = HttpRequests.get(context, "/.git/config");
        if (config.status() == 200 && CONFIG.matcher(config.body()).find()) {
            return List.of(new Finding(FINDING, ID, "/.git/config is readable (it starts with a [core] section)"));
        }
        return List.of();
    }
}
