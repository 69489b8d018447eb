package dev.vantage.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for tests: the JDK's HttpClient, redirects not followed (so a test sees each 303),
 * cookies kept by name, and the CSRF token of the last page remembered for the next form.
 */
final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    final Map<String, String> cookies = new LinkedHashMap<>();
    String csrf = "";
    String acceptLanguage = "en";

    Browser(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(request(path).GET().build());
        remember(r);
        return r;
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        keepCookies(r.headers().allValues("Set-Cookie"));
        return r;
    }

    /** Posts a form with the remembered CSRF token added. */
    HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
        String[] all = new String[fields.length + 2];
        all[0] = "csrf";
        all[1] = csrf;
        System.arraycopy(fields, 0, all, 2, fields.length);
        return postRaw(path, all);
    }

    /** Posts exactly these fields (no CSRF token unless given). */
    HttpResponse<String> postRaw(String path, String... fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!body.isEmpty()) body.append('&');
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        remember(r);
        return r;
    }

    /** Follows a 303 to its page. */
    HttpResponse<String> follow(HttpResponse<String> r) throws IOException, InterruptedException {
        String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + r.statusCode()));
        return get(location.startsWith("http") ? URI.create(location).getRawPath() : location);
    }

    void signUp(String email, String password) throws IOException, InterruptedException {
        get("/signup");
        HttpResponse<String> r = post("/signup", "email", email, "password", password);
        if (r.statusCode() != 303) throw new AssertionError("sign-up failed: " + r.statusCode() + " " + r.body());
        get("/");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", acceptLanguage);
        if (!cookies.isEmpty()) {
            StringBuilder c = new StringBuilder();
            cookies.forEach((k, v) -> c.append(c.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", c.toString());
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
        return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void remember(HttpResponse<String> r) {
        keepCookies(r.headers().allValues("Set-Cookie"));
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
    }

    private void keepCookies(List<String> setCookies) {
        for (String sc : setCookies) {
            String pair = sc.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || sc.contains("Max-Age=0")) cookies.remove(name);
            else cookies.put(name, value);
        }
    }
}
