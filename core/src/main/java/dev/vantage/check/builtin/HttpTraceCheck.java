package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TRACE: we send {@code TRACE /} with a header carrying a random token; a 200 whose body echoes
 * the token proves the method is enabled (a 405, 501 or a page without the token does not).
 */
public final class HttpTraceCheck implements Check {
    static final String ID = "http-trace";
    static final String FINDING = "http-trace-enabled";
    static final String HEADER = "X-Vantage-Trace";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("http"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        byte[] t = new byte[8];
        RANDOM.nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        HttpResponse r = HttpRequests.send(context, "TRACE", "/", Map.of(HEADER, token));
        if (!echoes(r, token)) return List.of();
        return List.of(new Finding(FINDING, ID, "TRACE / was answered with " + r.status() + " and echoed our request back"
                + r.header("Content-Type").map(ct -> " (" + ct + ")").orElse("")));
    }

    static boolean echoes(HttpResponse r, String token) {
        return r.status() == 200 && r.body().contains(token);
    }
}
