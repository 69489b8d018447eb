package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP checks against a loopback server that answers from a table of paths. */
class HttpChecksTest {
    private static final String NOT_FOUND = "HTTP/1.1 404 Not Found\r\nServer: test\r\nContent-Length: 9\r\n\r\nnot found";

    /** A server answering GETs from {@code pages} (path → whole response), anything else with {@code fallback}. */
    private static InfraFakeServer server(Map<String, String> pages, Function<String, String> fallback) throws IOException {
        return new InfraFakeServer((in, out) -> {
            String requestLine = InfraFakeServer.readLine(in);
            if (requestLine == null) return;
            List<String> head = new ArrayList<>();
            String line;
            while ((line = InfraFakeServer.readLine(in)) != null && !line.isEmpty()) head.add(line);
            String[] parts = requestLine.split(" ");
            String response;
            if (parts[0].equals("TRACE") && pages.containsKey("TRACE")) {
                String echo = requestLine + "\r\n" + String.join("\r\n", head) + "\r\n\r\n";
                response = "HTTP/1.1 200 OK\r\nContent-Type: message/http\r\n\r\n" + echo;
            } else {
                response = pages.getOrDefault(parts[1], fallback.apply(parts[1]));
            }
            out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        });
    }

    private static List<Finding> run(Check check, InfraFakeServer s) throws IOException {
        return check.run(InfraCheckContext.of("www.lab.test", s.port(), Service.of("http", null, null, null)));
    }

    private static String ok(String headers, String body) {
        return "HTTP/1.1 200 OK\r\n" + headers + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void versionsInHeadersAreReportedAndABareNameIsNot() throws Exception {
        try (InfraFakeServer s = server(Map.of("/", ok("Server: nginx/1.22.1\r\nX-Powered-By: PHP/8.2.7\r\n", "hi")), p -> NOT_FOUND)) {
            List<Finding> f = run(new HttpVersionDisclosureCheck(), s);
            assertEquals(1, f.size());
            assertEquals("GET / answers with Server: nginx/1.22.1; X-Powered-By: PHP/8.2.7", f.get(0).evidence());
        }
        try (InfraFakeServer s = server(Map.of("/", ok("Server: nginx\r\n", "hi")), p -> NOT_FOUND)) {
            assertEquals(List.of(), run(new HttpVersionDisclosureCheck(), s));
        }
    }

    @Test
    void traceCountsOnlyWhenOurRequestComesBack() throws Exception {
        try (InfraFakeServer s = server(Map.of("TRACE", ""), p -> NOT_FOUND)) {
            List<Finding> f = run(new HttpTraceCheck(), s);
            assertEquals(1, f.size(), f.toString());
            assertEquals("http-trace-enabled", f.get(0).id());
        }
        try (InfraFakeServer s = server(Map.of(), p -> "HTTP/1.1 200 OK\r\n\r\nhello")) {
            assertEquals(List.of(), run(new HttpTraceCheck(), s), "200 without the echo");
        }
    }

    @Test
    void directoryListingsAreFoundInCommonDirectories() throws Exception {
        String index = ok("", "<html><head><title>Index of /uploads/</title></head><body><h1>Index of /uploads/</h1></body></html>");
        try (InfraFakeServer s = server(Map.of("/", ok("", "<html>home</html>"), "/uploads/", index), p -> NOT_FOUND)) {
            List<Finding> f = run(new HttpDirectoryListingCheck(), s);
            assertEquals(List.of("directory listing shown for /uploads/"), f.stream().map(Finding::evidence).toList());
        }
    }

    @Test
    void aSoftNotFoundPageThatMentionsPhpinfoIsNotASample() throws Exception {
        Function<String, String> soft404 = p -> ok("", "<html>Nothing at " + p + ". Read about phpinfo() and PHP Version here.</html>");
        try (InfraFakeServer s = server(Map.of(), soft404)) {
            assertEquals(List.of(), run(new HttpSampleFilesCheck(), s));
        }
    }

    @Test
    void realSamplePagesAreReported() throws Exception {
        Map<String, String> pages = Map.of(
                "/phpinfo.php", ok("", "<title>PHP 8.2.7 - phpinfo()</title><h1>PHP Version 8.2.7</h1>"),
                "/server-status", ok("", "<h1>Apache Server Status for www.lab.test (via 127.0.0.1)</h1>"));
        try (InfraFakeServer s = server(pages, p -> NOT_FOUND)) {
            List<Finding> f = run(new HttpSampleFilesCheck(), s);
            assertEquals(1, f.size());
            assertEquals("reachable: /phpinfo.php (a phpinfo() page), /server-status (Apache's server-status page)", f.get(0).evidence());
        }
    }

    @Test
    void aLoginFormBehindARedirectIsFound() throws Exception {
        Map<String, String> pages = Map.of(
                "/", "HTTP/1.1 302 Found\r\nLocation: http://www.lab.test/login?next=/\r\nContent-Length: 0\r\n\r\n",
                "/login?next=/", ok("", "<form method=post action=/session><input name=u><input type='password' name=p></form>"));
        try (InfraFakeServer s = server(pages, p -> NOT_FOUND)) {
            // the redirect names port 80 while the server listens elsewhere: only a same-port redirect is followed
            assertEquals(List.of(), run(new HttpLoginFormCheck(), s));
        }
        Map<String, String> samePort = Map.of(
                "/", "HTTP/1.1 302 Found\r\nLocation: /login?next=/\r\nContent-Length: 0\r\n\r\n",
                "/login?next=/", ok("", "<form method=post action=/session><input name=u><input type='password' name=p></form>"));
        try (InfraFakeServer s = server(samePort, p -> NOT_FOUND)) {
            List<Finding> f = run(new HttpLoginFormCheck(), s);
            assertEquals(1, f.size());
            assertTrue(f.get(0).evidence().contains("/login?next=/ (reached by redirect from /)"), f.get(0).evidence());
            assertTrue(f.get(0).evidence().contains("posts to /session"), f.get(0).evidence());
        }
    }

    @Test
    void aRedirectToHttpsIsTheFixNotAFinding() throws Exception {
        try (InfraFakeServer s = server(Map.of("/", "HTTP/1.1 301 Moved\r\nLocation: https://www.lab.test/\r\n\r\n"), p -> NOT_FOUND)) {
            assertEquals(List.of(), run(new HttpLoginFormCheck(), s));
        }
    }

    @Test
    void anExposedGitHeadIsReported() throws Exception {
        try (InfraFakeServer s = server(Map.of("/.git/HEAD", ok("", "ref: refs/heads/main\n")), p -> NOT_FOUND)) {
            List<Finding> f = run(new HttpGitExposedCheck(), s);
            assertEquals("/.git/HEAD is readable: ref: refs/heads/main", f.get(0).evidence());
        }
    }

    @Test
    void chunkedBodiesAreJoined() {
        byte[] raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nIndex\r\n4\r\n of \r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Index of ", HttpResponse.parse(raw).orElseThrow().body());
    }

    @Test
    void redirectTargetsStayOnThisServer() {
        assertEquals("/a?b=c", HttpLoginFormCheck.sameServerPath("/a?b=c", 8080));
        assertEquals("/x", HttpLoginFormCheck.sameServerPath("http://host:8080/x", 8080));
        assertEquals(null, HttpLoginFormCheck.sameServerPath("http://host/x", 8080));
        assertEquals(null, HttpLoginFormCheck.sameServerPath("https://host:8080/x", 8080));
        assertEquals(null, HttpLoginFormCheck.sameServerPath("relative/x", 80));
        assertEquals(null, HttpLoginFormCheck.sameServerPath("http://[bad", 80));
    }

    @Test
    void thePasswordFieldMustSitInAForm() {
        assertTrue(HttpLoginFormCheck.passwordForm("<input type=password>").isEmpty());
        assertTrue(HttpLoginFormCheck.passwordForm("<FORM><INPUT TYPE = \"PASSWORD\"></FORM>").isPresent());
        assertTrue(HttpLoginFormCheck.passwordForm("<form><input type=text name=password></form>").isEmpty());
    }
}
