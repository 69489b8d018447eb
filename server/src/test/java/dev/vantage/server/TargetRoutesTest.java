package dev.vantage.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Targets and proof of control over HTTP: adding hosts (and the refused ranges), the self-check
 * and the HTTP token (served by a real web server on loopback), ordering before proof.
 */
class TargetRoutesTest {
    static HttpServer web;
    static volatile String served = "";
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        web.createContext("/.well-known/vantage-challenge/", ex -> {
            byte[] body = served.getBytes(StandardCharsets.UTF_8);
            boolean match = ex.getRequestURI().getPath().endsWith("/" + served);
            ex.sendResponseHeaders(match ? 200 : 404, match ? body.length : -1);
            if (match) ex.getResponseBody().write(body);
            ex.close();
        });
        web.start();
        s = TestServer.start(b -> b.httpProofPort(web.getAddress().getPort()));
    }

    @AfterAll
    static void stop() throws Exception {
        web.stop(0);
        s.destroy();
    }

    static String addTarget(Browser b, String host) throws Exception {
        b.get("/");
        HttpResponse<String> r = b.post("/targets", "host", host);
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/targets/[A-Za-z0-9_-]{22}"), location);
        return location.substring("/targets/".length());
    }

    @Test
    void selfCheckProvesControlFromTheHostsOwnAddress() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        b.signUp("self@example.org", "correct horse battery");
        String id = addTarget(b, "127.0.0.1");
        HttpResponse<String> page = b.get("/targets/" + id);
        assertTrue(page.body().contains("not proven yet"));
        assertTrue(page.body().contains("id=\"client-address\">127.0.0.1<"));
        HttpResponse<String> order = b.post("/targets/" + id + "/orders", "level", "1", "ports", "22");
        assertEquals(403, order.statusCode(), "no check before the proof");
        assertTrue(order.body().contains("Prove that you control"));

        HttpResponse<String> v = b.post("/targets/" + id + "/verify", "method", "self");
        assertEquals(200, v.statusCode());
        assertTrue(v.body().contains("Control is proven"));
        assertTrue(b.get("/targets/" + id).body().contains("proven by From the host itself"));
    }

    @Test
    void selfCheckFailsForAnotherAddress() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        b.signUp("other-address@example.org", "correct horse battery");
        String id = addTarget(b, "127.0.0.2");
        b.get("/targets/" + id);
        HttpResponse<String> v = b.post("/targets/" + id + "/verify", "method", "self");
        assertEquals(422, v.statusCode());
        assertTrue(v.body().contains("does not connect from this host"));
    }

    @Test
    void httpTokenProvesControl() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        b.signUp("http@example.org", "correct horse battery");
        String id = addTarget(b, "127.0.0.1");   // where the test web server listens
        HttpResponse<String> page = b.get("/targets/" + id);
        Matcher m = Pattern.compile("/\\.well-known/vantage-challenge/([A-Za-z0-9_-]{43})").matcher(page.body());
        assertTrue(m.find());
        String token = m.group(1);
        served = "not-the-token";
        assertEquals(422, b.post("/targets/" + id + "/verify", "method", "http").statusCode());
        served = token;
        HttpResponse<String> v = b.post("/targets/" + id + "/verify", "method", "http");
        assertEquals(200, v.statusCode(), v.body());
        assertTrue(b.get("/targets/" + id).body().contains("proven by Web page"));
    }

    @Test
    void dnsProofNeedsAName() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        b.signUp("dns@example.org", "correct horse battery");
        String id = addTarget(b, "127.0.0.4");
        b.get("/targets/" + id);
        HttpResponse<String> v = b.post("/targets/" + id + "/verify", "method", "dns");
        assertEquals(422, v.statusCode());
        assertTrue(v.body().contains("no DNS name"));
    }

    @Test
    void deniedAndReservedRangesAreRefused() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        b.signUp("ranges@example.org", "correct horse battery");
        b.get("/");
        HttpResponse<String> denied = b.post("/targets", "host", "127.0.0.66");
        assertEquals(403, denied.statusCode(), "denied by the operator although 127/8 is allowed");
        assertTrue(denied.body().contains("does not check"));
        assertEquals(403, b.post("/targets", "host", "10.1.2.3").statusCode(), "private and not allowed");
        assertEquals(403, b.post("/targets", "host", "192.168.1.1").statusCode());
        assertEquals(403, b.post("/targets", "host", "169.254.169.254").statusCode(), "link-local (cloud metadata)");
        assertEquals(403, b.post("/targets", "host", "::1").statusCode(), "IPv6 loopback is not in the allowed 127/8");
        assertEquals(403, b.post("/targets", "host", "fd00::1").statusCode());
        assertEquals(400, b.post("/targets", "host", "not a host!").statusCode());
        assertEquals(400, b.post("/targets", "host", "198.18.0.0/24").statusCode(), "one host, not a network");
        assertEquals(303, b.post("/targets", "host", "127.0.0.9").statusCode());
        assertEquals(409, b.post("/targets", "host", "127.0.0.9").statusCode(), "once per account");
    }

    @Test
    void anotherAccountsTargetDoesNotExist() throws Exception {
        Browser owner = new Browser(s.server.baseUrl());
        owner.signUp("owner-t@example.org", "correct horse battery");
        String id = addTarget(owner, "127.0.0.5");
        Browser other = new Browser(s.server.baseUrl());
        other.signUp("other-t@example.org", "correct horse battery");
        assertEquals(404, other.get("/targets/" + id).statusCode());
        assertEquals(404, other.post("/targets/" + id + "/verify", "method", "self").statusCode());
        assertEquals(404, other.post("/targets/" + id + "/orders", "level", "1").statusCode());
        assertEquals(404, other.post("/targets/" + id + "/delete").statusCode());
        assertEquals(404, other.get("/targets/AAAAAAAAAAAAAAAAAAAAAA").statusCode());
        int traversal = other.get("/targets/..%2F..%2Fetc%2Fpasswd").statusCode();
        assertTrue(traversal == 404 || traversal == 400, "refused: " + traversal);
        assertEquals(200, owner.get("/targets/" + id).statusCode());
    }
}
