package dev.vantage.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.server.service.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Orders, their progress and reports over HTTP: a real level-1 check of loopback listeners, end to end. */
class OrderRoutesTest {
    static TestServer s;
    static Listeners listeners;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start();
        listeners = new Listeners();
    }

    @AfterAll
    static void stop() throws Exception {
        listeners.close();
        s.destroy();
    }

    /** A new account with 127.0.0.1 added and proven (self-check); returns the target id. */
    static String verifiedTarget(Browser b, String email) throws Exception {
        b.signUp(email, "correct horse battery");
        String id = TargetRoutesTest.addTarget(b, "127.0.0.1");
        b.get("/targets/" + id);
        assertEquals(200, b.post("/targets/" + id + "/verify", "method", "self").statusCode());
        return id;
    }

    static String order(Browser b, String target, String... fields) throws Exception {
        HttpResponse<String> r = b.post("/targets/" + target + "/orders", fields);
        assertEquals(303, r.statusCode(), r.body());
        return r.headers().firstValue("Location").orElseThrow().substring("/orders/".length());
    }

    /** Waits (bounded) for the order to finish; returns its page. */
    static HttpResponse<String> awaitDone(Browser b, String orderId) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = b.get("/orders/" + orderId);
            if (!page.body().contains("http-equiv=\"refresh\"")) return page;
            Thread.sleep(200);
        }
        throw new AssertionError("order " + orderId + " did not finish in 60 s");
    }

    static String reportId(HttpResponse<String> orderPage) {
        Matcher m = Pattern.compile("href=\"/reports/([A-Za-z0-9_-]{22})\"").matcher(orderPage.body());
        if (!m.find()) fail("no report link: " + orderPage.body());
        return m.group(1);
    }

    @Test
    void aCheckRunsAndItsReportIsShownInEveryFormat() throws Exception {
        int open = listeners.open();
        int closed = Listeners.closedPort();
        Browser b = new Browser(s.server.baseUrl());
        String target = verifiedTarget(b, "reports@example.org");
        String orderId = order(b, target, "level", "1", "ports", open + "," + closed);
        assertTrue(orderId.matches("[A-Za-z0-9_-]{22}"));
        HttpResponse<String> progress = b.get("/orders/" + orderId + "/progress");
        assertEquals(200, progress.statusCode());
        assertTrue(progress.body().contains("\"status\""));
        HttpResponse<String> done = awaitDone(b, orderId);
        assertTrue(done.body().contains("done"), done.body());
        String report = reportId(done);

        HttpResponse<String> page = b.get("/reports/" + report);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(">" + open + "/tcp<"), "the open port is listed");
        assertFalse(page.body().contains(">" + closed + "/tcp<"), "the closed one is not");
        assertTrue(page.body().contains("first check of this host"));

        HttpResponse<byte[]> json = b.getBytes("/reports/" + report + "/download/json");
        assertEquals(200, json.statusCode());
        JsonNode root = Api.JSON.readTree(json.body());
        assertEquals("vantage-scan/1", root.path("schema").asText());
        assertEquals(open, root.path("hosts").get(0).path("ports").get(0).path("port").asInt());
        assertTrue(json.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));

        HttpResponse<byte[]> html = b.getBytes("/reports/" + report + "/download/html");
        assertEquals(200, html.statusCode());
        assertTrue(new String(html.body(), StandardCharsets.UTF_8).contains("<html"));
        HttpResponse<byte[]> xml = b.getBytes("/reports/" + report + "/download/xml");
        assertTrue(new String(xml.body(), StandardCharsets.UTF_8).contains("<nmaprun"));
        HttpResponse<byte[]> pdf = b.getBytes("/reports/" + report + "/download/pdf");
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(200, b.getBytes("/reports/" + report + "/download/csv").statusCode());
        assertEquals(200, b.getBytes("/reports/" + report + "/download/text").statusCode());
        assertEquals(404, b.getBytes("/reports/" + report + "/download/exe").statusCode());
        HttpResponse<String> full = b.get("/reports/" + report + "/full");
        assertEquals(200, full.statusCode());
        assertTrue(full.headers().firstValue("Content-Security-Policy").orElseThrow().contains("style-src 'unsafe-inline'"));

        // A second check after the listener went away: the report shows the change.
        listeners.close();
        listeners = new Listeners();
        String second = reportId(awaitDone(b, order(b, target, "level", "1", "ports", open + "," + closed)));
        HttpResponse<String> changed = b.get("/reports/" + second);
        assertTrue(changed.body().contains("Changes since the previous check"));
        assertTrue(changed.body().contains(open + "/tcp"), changed.body());
        HttpResponse<String> history = b.get("/targets/" + target);
        assertTrue(history.body().contains("/reports/" + report) && history.body().contains("/reports/" + second));
    }

    @Test
    void someoneElsesReportAndOrderDoNotExist() throws Exception {
        int open = listeners.open();
        Browser owner = new Browser(s.server.baseUrl());
        String target = verifiedTarget(owner, "owner-r@example.org");
        String orderId = order(owner, target, "level", "1", "ports", String.valueOf(open));
        String report = reportId(awaitDone(owner, orderId));
        Browser other = new Browser(s.server.baseUrl());
        other.signUp("other-r@example.org", "correct horse battery");
        assertEquals(404, other.get("/reports/" + report).statusCode());
        assertEquals(404, other.getBytes("/reports/" + report + "/download/json").statusCode());
        assertEquals(404, other.get("/reports/" + report + "/full").statusCode());
        assertEquals(404, other.get("/orders/" + orderId).statusCode());
        assertEquals(404, other.get("/orders/" + orderId + "/progress").statusCode());
        assertEquals(404, other.post("/orders/" + orderId + "/cancel").statusCode());
        Browser visitor = new Browser(s.server.baseUrl());
        assertEquals(303, visitor.get("/reports/" + report).statusCode(), "a visitor must log in first");
        assertEquals(200, owner.get("/reports/" + report).statusCode());
    }

    @Test
    void badOrdersAreRefusedWithTheReason() throws Exception {
        Browser b = new Browser(s.server.baseUrl());
        String target = verifiedTarget(b, "bad-orders@example.org");
        HttpResponse<String> ports = b.post("/targets/" + target + "/orders", "level", "1", "ports", "70000");
        assertEquals(400, ports.statusCode());
        assertTrue(ports.body().contains("out of range"), ports.body());
        assertEquals(400, b.post("/targets/" + target + "/orders", "level", "4").statusCode());
        assertEquals(400, b.post("/targets/" + target + "/orders", "level", "one").statusCode());
        HttpResponse<String> policy = b.post("/targets/" + target + "/orders", "level", "1", "ports", "22",
                "policy", "hosts:\n  - name: x\n    addresses: [127.0.0.1]\n    bogus: 1\n");
        assertEquals(400, policy.statusCode());
        assertTrue(policy.body().contains("line"), policy.body());
        assertTrue(policy.body().contains("bogus"), "the form keeps what was typed");
    }

    @Test
    void aQueuedOrderCanBeCancelled() throws Exception {
        try (TestServer queueOnly = TestServer.start(b -> b.worker(false))) {
            Browser b = new Browser(queueOnly.server.baseUrl());
            String target = verifiedTarget(b, "cancel@example.org");
            String orderId = order(b, target, "level", "1", "ports", "22");
            assertTrue(b.get("/orders/" + orderId).body().contains("waiting"));
            HttpResponse<String> c = b.post("/orders/" + orderId + "/cancel");
            assertEquals(303, c.statusCode());
            HttpResponse<String> page = b.get("/orders/" + orderId);
            assertTrue(page.body().contains("cancelled"));
            assertFalse(page.body().contains("http-equiv=\"refresh\""));
        }
    }

    @Test
    void aRunningOrderCanBeCancelledAndLeavesNoReport() throws Exception {
        try (TestServer slow = TestServer.start(b -> b.scanRate(20))) {
            Api api = Api.newAccount(slow.server.baseUrl(), "cancel-running@example.org");
            String target = api.post("/targets", java.util.Map.of("host", "127.0.0.1")).json().path("id").asText();
            api.post("/targets/" + target + "/verify", java.util.Map.of("method", "self"));
            String id = api.post("/orders", java.util.Map.of("target", target, "level", 1, "ports", "1-600")).json().path("id").asText();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (api.get("/orders/" + id).json().path("progress").asInt() == 0) {
                if (System.nanoTime() > deadline) throw new AssertionError("no progress");
                Thread.sleep(100);
            }
            JsonNode cancelled = api.post("/orders/" + id + "/cancel", java.util.Map.of()).json();
            assertEquals("cancelled", cancelled.path("status").asText());
            Thread.sleep(1500);
            JsonNode after = api.get("/orders/" + id).json();
            assertEquals("cancelled", after.path("status").asText(), "the worker does not overwrite the cancel");
            assertTrue(after.path("report").isNull());
            assertEquals(0, api.get("/reports").json().size());
            assertTrue(after.path("progress").asInt() < 100);
        }
    }

    @Test
    void ordersAreLimitedPerAccount() throws Exception {
        try (TestServer tight = TestServer.start(b -> b.worker(false).limits(Limits.defaults().withOrders(2, 10)))) {
            Browser b = new Browser(tight.server.baseUrl());
            String target = verifiedTarget(b, "limits@example.org");
            order(b, target, "level", "1", "ports", "22");
            order(b, target, "level", "1", "ports", "22");
            HttpResponse<String> third = b.post("/targets/" + target + "/orders", "level", "1", "ports", "22");
            assertEquals(429, third.statusCode());
            assertTrue(third.headers().firstValue("Retry-After").isPresent());
        }
    }
}
