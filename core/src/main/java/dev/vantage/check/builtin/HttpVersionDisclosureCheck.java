package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Software versions in the response headers of {@code GET /}: a Server header with a version
 * number ({@code nginx/1.22.1}, {@code Apache/2.4.62 (Debian)}; a bare {@code nginx} is not a
 * disclosure), and any X-Powered-By, X-AspNet-Version or X-AspNetMvc-Version header.
 */
public final class HttpVersionDisclosureCheck implements Check {
    static final String ID = "http-headers";
    static final String FINDING = "http-version-disclosure";
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+|/\\s*v?\\d");
    private static final List<String> ALWAYS_DISCLOSING = List.of("X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version");

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("http"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        return judge(HttpRequests.get(context, "/")).map(e -> List.of(new Finding(FINDING, ID, e))).orElse(List.of());
    }

    /** The disclosing headers of a response, as evidence (pure). */
    public static Optional<String> judge(HttpResponse r) {
        List<String> shown = new ArrayList<>();
        r.header("Server").filter(v -> VERSION.matcher(v).find()).ifPresent(v -> shown.add("Server: " + v));
        for (String h : ALWAYS_DISCLOSING) r.header(h).filter(v -> !v.isBlank()).ifPresent(v -> shown.add(h + ": " + v));
        return shown.isEmpty() ? Optional.empty() : Optional.of("GET / answers with " + String.join("; ", shown));
    }
}
