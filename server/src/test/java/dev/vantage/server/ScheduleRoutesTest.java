package dev.vantage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schedules from the UI: the first check runs at once; a later run that finds a change posts the
 * diff to the customer's webhook (a real HTTP server on loopback); a run without changes posts nothing.
 */
class ScheduleRoutesTest {
    static HttpServer hook;
    static final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        hook.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hook.start();
        s = TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        hook.stop(0);
        s.destroy();
    }

    @Test
    void aScheduledCheckAnnouncesChangesToTheWebhook() throws Exception {
        try (Listeners first = new Listeners(); Listeners later = new Listeners()) {
            int a = first.open();
            int b = later.open();
            later.close();    // b is closed for the first run
            Browser br = new Browser(s.server.baseUrl());
            String target = OrderRoutesTest.verifiedTarget(br, "schedule@example.org");
            HttpResponse<String> r = br.post("/targets/" + target + "/schedules", "period", "daily", "level", "1",
                    "ports", a + "," + b, "webhook", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
            assertEquals(303, r.statusCode(), r.body());
            HttpResponse<String> page = br.get("/targets/" + target);
            assertTrue(page.body().contains("/hook"));

            assertEquals(1, s.server.runDueSchedules(), "the first run is due at once");
            assertEquals(0, s.server.runDueSchedules(), "and the next one only tomorrow");
            String firstOrder = latestOrder(br);
            OrderRoutesTest.awaitDone(br, firstOrder);
            assertNull(received.poll(2, TimeUnit.SECONDS), "the first report has nothing to compare with");

            // Bring the next run forward, with port b now open.
            try (Listeners reopened = new Listeners()) {
                s.server.store().jdbi().useHandle(h -> h.execute("update svc_schedule set next_run_at = 0"));
                int c = reopened.open();
                s.server.store().jdbi().useHandle(h -> h.execute("update svc_schedule set ports = ?", a + "," + c));
                assertEquals(1, s.server.runDueSchedules());
                OrderRoutesTest.awaitDone(br, latestOrder(br));
                String body = received.poll(30, TimeUnit.SECONDS);
                assertNotNull(body, "a change was announced");
                JsonNode n = Api.JSON.readTree(body);
                assertEquals("vantage.changes", n.path("event").asText());
                assertEquals("127.0.0.1", n.path("target").asText());
                assertTrue(n.path("report_url").asText().startsWith(s.server.baseUrl() + "/reports/"));
                assertEquals("vantage-diff/1", n.path("diff").path("schema").asText());
                assertTrue(body.contains("\"port\":" + c), body);
            }
        }
    }

    @Test
    void webhooksIntoRefusedRangesAreNotAccepted() throws Exception {
        Browser br = new Browser(s.server.baseUrl());
        String target = OrderRoutesTest.verifiedTarget(br, "schedule-bad@example.org");
        assertEquals(400, br.post("/targets/" + target + "/schedules", "period", "daily", "level", "1",
                "webhook", "ftp://127.0.0.1/").statusCode());
        assertEquals(400, br.post("/targets/" + target + "/schedules", "period", "hourly", "level", "1").statusCode());
        assertEquals(400, br.post("/targets/" + target + "/schedules", "period", "weekly", "level", "1",
                "webhook", "http://user:pw@127.0.0.1/").statusCode(), "user info is refused");
    }

    private static String latestOrder(Browser br) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"/orders/([A-Za-z0-9_-]{22})\"").matcher(br.get("/").body());
        if (!m.find()) throw new AssertionError("no order on the dashboard");
        return m.group(1);
    }
}
