package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Directory listings: {@code GET /} and a few directories that commonly exist, each judged by the
 * index-page signatures of the usual servers (Apache, nginx and lighttpd "Index of /…", Python's
 * "Directory listing for", IIS's "[To Parent Directory]", Tomcat's "Directory Listing For").
 */
public final class HttpDirectoryListingCheck implements Check {
    static final String ID = "http-directory-listing";
    static final String FINDING = "http-directory-listing";
    static final List<String> PATHS = List.of("/", "/files/", "/uploads/", "/images/", "/backup/", "/downloads/", "/static/", "/data/");
    private static final Pattern INDEX_PAGE = Pattern.compile(
            "(?i)<title>\\s*Index of /|<h1>\\s*Index of /|<h2>\\s*Index of /|<title>\\s*Directory listing for /"
                    + "|\\[To Parent Directory]|<title>\\s*Directory Listing For \\[");

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("http"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        List<String> listed = new ArrayList<>();
        IOException failure = null;
        int answered = 0;
        for (String path : PATHS) {
            HttpResponse r;
            try {
                r = HttpRequests.get(context, path);
            } catch (IOException e) {
                failure = e;
                continue;
            }
            answered++;
            if (isListing(r)) listed.add(path);
        }
        if (answered == 0 && failure != null) throw failure;
        if (listed.isEmpty()) return List.of();
        return List.of(new Finding(FINDING, ID, "directory listing shown for " + String.join(", ", listed)));
    }

    /** Whether a response is a server-generated index page (pure). */
    public static boolean isListing(HttpResponse r) {
        return r.status() == 200 && INDEX_PAGE.matcher(r.body()).find();
    }
}
