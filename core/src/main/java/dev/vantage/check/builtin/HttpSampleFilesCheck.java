package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Well-known sample and test scripts (test-cgi, printenv, phpinfo pages, Apache's status pages,
 * Tomcat's examples). A path counts only when it answers 200 <em>and</em> the body carries that
 * script's own signature <em>and</em> the body is not the site's page for a missing path: many
 * sites answer every path with 200 and the same page ("soft 404"), so we first fetch a random
 * path that cannot exist and remember its answer.
 */
public final class HttpSampleFilesCheck implements Check {
    static final String ID = "http-sample-files";
    static final String FINDING = "http-sample-cgi";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One sample script: where it lives, and how its output looks. */
    record Sample(String path, String what, Predicate<String> signature) {}

    private static Predicate<String> contains(String regex) {
        Pattern p = Pattern.compile(regex);
        return body -> p.matcher(body).find();
    }

    private static final Predicate<String> PHPINFO = contains("phpinfo\\(\\)").and(contains("PHP Version|PHP License"));
    private static final Predicate<String> ENVIRONMENT = contains("GATEWAY_INTERFACE").and(contains("SERVER_SOFTWARE"));

    static final List<Sample> SAMPLES = List.of(
            new Sample("/cgi-bin/test-cgi", "the test-cgi sample script", contains("CGI/1\\.\\d test script report")),
            new Sample("/cgi-bin/printenv", "the printenv sample script", ENVIRONMENT),
            new Sample("/cgi-bin/printenv.pl", "the printenv sample script", ENVIRONMENT),
            new Sample("/cgi-bin/php.cgi", "the PHP interpreter as a CGI program", PHPINFO.or(contains("PHP Version \\d"))),
            new Sample("/cgi-bin/php", "the PHP interpreter as a CGI program", PHPINFO.or(contains("PHP Version \\d"))),
            new Sample("/phpinfo.php", "a phpinfo() page", PHPINFO),
            new Sample("/info.php", "a phpinfo() page", PHPINFO),
            new Sample("/test.php", "a phpinfo() page", PHPINFO),
            new Sample("/php_info.php", "a phpinfo() page", PHPINFO),
            new Sample("/server-status", "Apache's server-status page", contains("Apache Server Status for")),
            new Sample("/server-info", "Apache's server-info page", contains("Apache Server Information")),
            new Sample("/examples/servlets/", "Tomcat's servlet examples", contains("(?i)Servlets? Examples")),
            new Sample("/examples/jsp/", "Tomcat's JSP examples", contains("(?i)JSP (?:Samples|Examples)")));

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("http"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        String missingPath = "/vantage-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + ".php";
        HttpResponse missing = HttpRequests.get(context, missingPath);
        List<String> found = new ArrayList<>();
        for (Sample s : SAMPLES) {
            HttpResponse r;
            try {
                r = HttpRequests.get(context, s.path());
            } catch (IOException e) {
                continue;   // one path that breaks the connection does not hide the others
            }
            if (present(s, r, missing, missingPath)) found.add(s.path() + " (" + s.what() + ")");
        }
        if (found.isEmpty()) return List.of();
        return List.of(new Finding(FINDING, ID, "reachable: " + String.join(", ", found)));
    }

    /** Whether a response shows the sample itself, not an error or the soft-404 page (pure). */
    static boolean present(Sample s, HttpResponse r, HttpResponse missing, String missingPath) {
        if (r.status() != 200 || !s.signature().test(r.body())) return false;
        if (missing.status() != 200) return true;
        return !normalised(r.body(), s.path()).equals(normalised(missing.body(), missingPath));
    }

    /** A body with the requested path removed, so two soft-404 pages for different paths compare equal. */
    private static String normalised(String body, String path) {
        return body.replace(path, "").strip();
    }
}
