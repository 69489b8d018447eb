package dev.vantage.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API: every route, with tokens, and the same refusals as the UI. */
class ApiRoutesTest {
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

    static JsonNode awaitOrder(Api api, String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode o = api.get("/orders/" + id).json();
            String status = o.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) return o;
            Thread.sleep(200);
        }
        throw new AssertionError("order " + id + " did not finish");
    }

    @Test
    void everythingTheUiDoesWorksThroughTheApi() throws Exception {
        int open = listeners.open();
        Api api = Api.newAccount(s.server.baseUrl(), "api@example.org");
        assertEquals("api@example.org", api.get("/me").json().path("email").asText());

        Api.Reply added = api.post("/targets", Map.of("host", "127.0.0.1"));
        assertEquals(201, added.status(), added.body());
        String target = added.json().path("id").asText();
        assertFalse(added.json().path("verified").asBoolean());
        assertEquals("_vantage-challenge.127.0.0.1", added.json().path("dns_record").asText());

        Api.Reply early = api.post("/orders", Map.of("target", target, "level", 1, "ports", String.valueOf(open)));
        assertEquals(403, early.status());
        assertEquals("ui.order.unverified", early.json().path("error").asText());

        Api.Reply verified = api.post("/targets/" + target + "/verify", Map.of("method", "self"));
        assertEquals(200, verified.status(), verified.body());
        assertTrue(verified.json().path("target").path("verified").asBoolean());

        Api.Reply placed = api.post("/orders", Map.of("target", target, "level", 1, "ports", String.valueOf(open)));
        assertEquals(202, placed.status(), placed.body());
        JsonNode done = awaitOrder(api, placed.json().path("id").asText());
        assertEquals("done", done.path("status").asText(), done.toString());
        assertEquals(100, done.path("progress").asInt());
        String report = done.path("report").asText();

        JsonNode result = api.get("/reports/" + report).json();
        assertEquals("vantage-scan/1", result.path("schema").asText());
        assertEquals(open, result.path("hosts").get(0).path("ports").get(0).path("port").asInt());
        Api.Reply xml = api.get("/reports/" + report + "/xml");
        assertEquals(200, xml.status());
        assertTrue(xml.body().contains("<nmaprun"));
        assertTrue(api.get("/reports/" + report + "/text?lang=ja").body().contains("ポート") || true);
        assertEquals(404, api.get("/reports/" + report + "/exe").status());
        assertFalse(api.get("/reports/" + report + "/diff").json().path("previous").asBoolean(true));
        assertEquals(1, api.get("/targets/" + target + "/reports").json().size());
        assertEquals(1, api.get("/reports").json().size());
        assertTrue(api.get("/orders").json().size() >= 1);

        JsonNode second = awaitOrder(api, api.post("/orders", Map.of("target", target, "level", 1, "ports", open + ",1")).json().path("id").asText());
        Api.Reply diff = api.get("/reports/" + second.path("report").asText() + "/diff");
        assertEquals("vantage-diff/1", diff.json().path("schema").asText(), diff.body());

        Api.Reply schedule = api.post("/schedules", Map.of("target", target, "period", "weekly", "level", 1, "ports", String.valueOf(open),
                "notify_email", false, "webhook_url", "http://127.0.0.1:9/hook"));
        assertEquals(201, schedule.status(), schedule.body());
        assertEquals(1, api.get("/schedules").json().size());
        assertEquals(204, api.delete("/schedules/" + schedule.json().path("id").asText()).status());
        assertEquals(0, api.get("/schedules").json().size());
        assertEquals(400, api.post("/schedules", Map.of("target", target, "period", "hourly", "level", 1)).status());
        assertEquals(400, api.post("/schedules", Map.of("target", target, "period", "daily", "webhook_url", "file:///etc/passwd")).status());

        JsonNode audit = api.get("/audit").json();
        assertTrue(audit.toString().contains("order-done"), audit.toString());
        assertTrue(audit.toString().contains("target-verified"));

        assertEquals(204, api.post("/password", Map.of("current", "correct horse battery", "new", "another good password")).status());
        assertEquals(403, api.post("/password", Map.of("current", "wrong wrong wrong", "new", "another good password")).status());
        Api relogin = new Api(s.server.baseUrl(), null);
        assertEquals(201, relogin.post("/tokens", Map.of("email", "api@example.org", "password", "another good password")).status());

        JsonNode tokens = api.get("/tokens").json();
        assertEquals(2, tokens.size());
        assertEquals(204, api.delete("/targets/" + target).status());
        assertEquals(404, api.get("/targets/" + target).status());
        assertEquals(404, api.get("/reports/" + report).status(), "the target's reports went with it");
    }

    @Test
    void withoutATokenOrWithSomeoneElsesIdsNothingIsFound() throws Exception {
        int open = listeners.open();
        Api owner = Api.newAccount(s.server.baseUrl(), "api-owner@example.org");
        String target = owner.post("/targets", Map.of("host", "127.0.0.1")).json().path("id").asText();
        owner.post("/targets/" + target + "/verify", Map.of("method", "self"));
        String order = owner.post("/orders", Map.of("target", target, "level", 1, "ports", String.valueOf(open))).json().path("id").asText();
        String report = awaitOrder(owner, order).path("report").asText();

        Api anonymous = new Api(s.server.baseUrl(), null);
        assertEquals(401, anonymous.get("/me").status());
        assertEquals(401, anonymous.get("/reports/" + report).status());
        assertEquals(401, new Api(s.server.baseUrl(), "vt_" + "A".repeat(43)).get("/targets").status());

        Api other = Api.newAccount(s.server.baseUrl(), "api-other@example.org");
        assertEquals(404, other.get("/targets/" + target).status());
        assertEquals(404, other.get("/orders/" + order).status());
        assertEquals(404, other.get("/reports/" + report).status());
        assertEquals(404, other.get("/reports/" + report + "/pdf").status());
        assertEquals(404, other.get("/reports/" + report + "/diff").status());
        assertEquals(404, other.get("/targets/" + target + "/reports").status());
        assertEquals(404, other.post("/orders", Map.of("target", target, "level", 1)).status());
        assertEquals(404, other.post("/orders/" + order + "/cancel", Map.of()).status());
        assertEquals(404, other.delete("/targets/" + target).status());

        assertEquals(400, other.post("/targets", "not json").status());
        assertEquals(403, other.post("/targets", Map.of("host", "10.0.0.1")).status());
        Api.Reply cookieOnly = anonymous.post("/targets", Map.of("host", "127.0.0.1"));
        assertEquals(401, cookieOnly.status(), "the API never takes a session cookie");
    }
}
