package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password form served over plain HTTP: {@code GET /}, following up to three redirects that
 * stay on this plain-HTTP port (a redirect to HTTPS ends the check: that is the fix), and looks
 * for a {@code <form>} with an {@code <input type=password>}. Only for services without TLS.
 */
public final class HttpLoginFormCheck implements Check {
    static final String ID = "http-login-form";
    static final String FINDING = "http-cleartext-login-form";
    private static final int MAX_REDIRECTS = 3;
    private static final Pattern PASSWORD_INPUT = Pattern.compile("(?is)<input\\b[^>]*\\btype\\s*=\\s*[\"']?password\\b");
    private static final Pattern FORM = Pattern.compile("(?is)<form\\b([^>]*)>");
    private static final Pattern ACTION = Pattern.compile("(?is)\\baction\\s*=\\s*[\"']?([^\"'\\s>]*)");

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("http"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        if (context.service().tls()) return List.of();
        String path = "/";
        List<String> trail = new ArrayList<>();
        for (int i = 0; i <= MAX_REDIRECTS; i++) {
            HttpResponse r = HttpRequests.get(context, path);
            trail.add(path);
            Optional<String> form = passwordForm(r.body());
            if (r.status() == 200 && form.isPresent()) {
                String via = trail.size() > 1 ? " (reached by redirect from " + String.join(" → ", trail.subList(0, trail.size() - 1)) + ")" : "";
                return List.of(new Finding(FINDING, ID, "http://…" + path + via + " has a login form with a password field" + form.get()));
            }
            if (!r.isRedirect()) return List.of();
            path = sameServerPath(r.header("Location").orElse(""), context.port());
            if (path == null) return List.of();   // off to HTTPS or another server
        }
        return List.of();
    }

    /** If the page has a password field inside a form: a note on where the form posts to, else empty (pure). */
    static Optional<String> passwordForm(String body) {
        Matcher input = PASSWORD_INPUT.matcher(body);
        if (!input.find()) return Optional.empty();
        Matcher form = FORM.matcher(body);
        String action = null;
        boolean inForm = false;
        while (form.find() && form.start() < input.start()) {
            inForm = true;
            Matcher a = ACTION.matcher(form.group(1));
            action = a.find() ? a.group(1) : null;
        }
        if (!inForm) return Optional.empty();
        return Optional.of(action == null || action.isEmpty() ? "" : " (it posts to " + action + ")");
    }

    /** The path of a redirect target on this same plain-HTTP server, or null. */
    static @Nullable String sameServerPath(String location, int port) {
        try {
            URI u = new URI(location.strip());
            if (u.getScheme() == null && u.getHost() == null) {
                String p = u.getRawPath();
                if (p == null || p.isEmpty() || !p.startsWith("/")) return null;
                return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
            }
            if (!"http".equalsIgnoreCase(u.getScheme())) return null;
            int targetPort = u.getPort() < 0 ? 80 : u.getPort();
            if (targetPort != port) return null;
            String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
