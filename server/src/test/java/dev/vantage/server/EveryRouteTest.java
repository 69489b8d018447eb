package dev.vantage.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse cases on every route that takes an id or changes something, in one place: a form
 * without its CSRF token (403, nothing changes), another account's ids (404, never 403, nothing
 * changes), a visitor without a session (sent to the login page) or a script without a token (401).
 * The other route tests cover what each route does when it is used properly.
 */
class EveryRouteTest {
    private static TestServer s;
    private static Listeners listeners;
    private static Browser owner;
    private static Api ownerApi;
    private static long ownerTokenId;
    private static String target;
    private static String order;
    private static String report;
    private static String schedule;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start();
        listeners = new Listeners();
        int open = listeners.open();
        owner = new Browser(s.server.baseUrl());
        target = OrderRoutesTest.verifiedTarget(owner, "owner@example.org");
        order = OrderRoutesTest.order(owner, target, "level", "1", "ports", String.valueOf(open));
        OrderRoutesTest.awaitDone(owner, order);
        Matcher m = Pattern.compile("id=\"new-token\">(vt_[A-Za-z0-9_-]{43})<").matcher(owner.post("/account/tokens", "name", "t").body());
        assertTrue(m.find());
        ownerApi = new Api(s.server.baseUrl(), m.group(1));
        ownerTokenId = ownerApi.get("/tokens").json().get(0).path("id").asLong();
        report = ownerApi.get("/orders/" + order).json().path("report").asText();
        assertEquals(22, report.length(), "the order has a report");
        assertEquals(303, owner.post("/targets/" + target + "/schedules", "period", "weekly", "level", "1", "ports", "1").statusCode());
        schedule = ownerApi.get("/schedules").json().get(0).path("id").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        listeners.close();
        s.destroy();
    }

    /** The owner's things are all still there and unchanged. */
    private static void ownerIntact() throws Exception {
        assertEquals(200, ownerApi.get("/me").status(), "the owner's token still works");
        assertEquals(200, ownerApi.get("/targets/" + target).status());
        assertTrue(ownerApi.get("/targets/" + target).json().path("verified").asBoolean(true));
        assertEquals("done", ownerApi.get("/orders/" + order).json().path("status").asText());
        assertEquals(200, ownerApi.get("/reports/" + report).status());
        assertEquals(1, ownerApi.get("/schedules").json().size());
        assertEquals(1, ownerApi.get("/targets").json().size());
    }

    @Test
    void everyFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        owner.get("/targets/" + target);
        Map<String, String[]> forms = new java.util.LinkedHashMap<>();
        forms.put("/logout", new String[0]);
        forms.put("/account/password", new String[] {"current", "correct horse battery", "new", "another horse battery"});
        forms.put("/account/tokens", new String[] {"name", "x"});
        forms.put("/account/tokens/" + ownerTokenId + "/revoke", new String[0]);
        forms.put("/targets", new String[] {"host", "127.0.0.9"});
        forms.put("/targets/" + target + "/verify", new String[] {"method", "self"});
        forms.put("/targets/" + target + "/orders", new String[] {"level", "1", "ports", "1"});
        forms.put("/targets/" + target + "/schedules", new String[] {"period", "daily", "level", "1"});
        forms.put("/targets/" + target + "/delete", new String[0]);
        forms.put("/orders/" + order + "/cancel", new String[0]);
        forms.put("/schedules/" + schedule + "/delete", new String[] {"target", target});
        forms.put("/signup", new String[] {"email", "new@example.org", "password", "correct horse battery"});
        forms.put("/login", new String[] {"email", "owner@example.org", "password", "correct horse battery"});
        for (Map.Entry<String, String[]> f : forms.entrySet()) {
            assertEquals(403, owner.postRaw(f.getKey(), f.getValue()).statusCode(), "no token: " + f.getKey());
            String[] wrong = java.util.Arrays.copyOf(f.getValue(), f.getValue().length + 2);
            wrong[wrong.length - 2] = "csrf";
            wrong[wrong.length - 1] = "A".repeat(43);
            assertEquals(403, owner.postRaw(f.getKey(), wrong).statusCode(), "wrong token: " + f.getKey());
        }
        assertEquals(200, owner.get("/").statusCode(), "still logged in");
        assertEquals(1, ownerApi.get("/tokens").json().size(), "no token was added by the refused form");
        ownerIntact();
    }

    @Test
    void anotherAccountGets404ForEveryIdAndChangesNothing() throws Exception {
        Browser other = new Browser(s.server.baseUrl());
        other.signUp("other@example.org", "correct horse battery");
        for (String path : List.of("/targets/" + target, "/orders/" + order, "/orders/" + order + "/progress", "/reports/" + report,
                "/reports/" + report + "/full", "/reports/" + report + "/download/json")) {
            assertEquals(404, other.get(path).statusCode(), "GET " + path);
        }
        other.get("/");
        for (String path : List.of("/targets/" + target + "/verify", "/targets/" + target + "/orders", "/targets/" + target + "/schedules",
                "/targets/" + target + "/delete", "/orders/" + order + "/cancel", "/schedules/" + schedule + "/delete",
                "/account/tokens/" + ownerTokenId + "/revoke")) {
            HttpResponse<String> r = other.post(path, "method", "self", "level", "1", "period", "daily", "target", target);
            assertEquals(404, r.statusCode(), "POST " + path);
        }
        Api otherApi = Api.newAccount(s.server.baseUrl(), "other-api@example.org");
        for (String path : List.of("/targets/" + target, "/targets/" + target + "/reports", "/orders/" + order, "/reports/" + report,
                "/reports/" + report + "/diff", "/reports/" + report + "/html", "/reports/" + report + "/pdf")) {
            assertEquals(404, otherApi.get(path).status(), "API GET " + path);
        }
        assertEquals(404, otherApi.post("/targets/" + target + "/verify", Map.of("method", "self")).status());
        assertEquals(404, otherApi.post("/orders/" + order + "/cancel", Map.of()).status());
        assertEquals(404, otherApi.post("/orders", Map.of("target", target, "level", 1)).status());
        assertEquals(404, otherApi.post("/schedules", Map.of("target", target, "period", "daily", "level", 1)).status());
        assertEquals(404, otherApi.delete("/targets/" + target).status());
        assertEquals(404, otherApi.delete("/schedules/" + schedule).status());
        assertEquals(404, otherApi.delete("/tokens/" + ownerTokenId).status());
        ownerIntact();
    }

    @Test
    void visitorsWithoutASessionAreSentToLoginAndScriptsWithoutATokenGet401() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/account", "/activity", "/targets/" + target, "/orders/" + order, "/reports/" + report,
                "/reports/" + report + "/download/pdf")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.server.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, r.statusCode(), "GET " + path);
            assertTrue(r.headers().firstValue("Location").orElse("").startsWith("/login"), path);
        }
        Api anonymous = new Api(s.server.baseUrl(), null);
        for (String path : List.of("/me", "/targets", "/orders", "/reports", "/schedules", "/audit", "/tokens", "/orders/" + order,
                "/reports/" + report)) {
            assertEquals(401, anonymous.get(path).status(), "API GET " + path);
        }
        assertEquals(401, anonymous.post("/orders", Map.of("target", target, "level", 1)).status());
        assertEquals(401, new Api(s.server.baseUrl(), "vt_" + "A".repeat(43)).get("/me").status(), "a made-up token");
        ownerIntact();
    }

    @Test
    void theActivityPageDeletingAScheduleAndRevokingATokenThroughTheApi() throws Exception {
        String activity = owner.get("/activity").body();
        assertTrue(activity.contains("order") && activity.contains("127.0.0.1"), activity);
        Browser b = new Browser(s.server.baseUrl());
        String t = OrderRoutesTest.verifiedTarget(b, "routes-owner@example.org");
        assertEquals(303, b.post("/targets/" + t + "/schedules", "period", "daily", "level", "1", "ports", "1").statusCode());
        Matcher m = Pattern.compile("action=\"/schedules/([A-Za-z0-9_-]{22})/delete\"").matcher(b.get("/targets/" + t).body());
        assertTrue(m.find());
        assertEquals(303, b.post("/schedules/" + m.group(1) + "/delete", "target", t).statusCode());
        assertTrue(!b.get("/targets/" + t).body().contains("/schedules/" + m.group(1)), "the schedule is gone");

        Api api = Api.newAccount(s.server.baseUrl(), "revoke-api@example.org");
        long id = api.get("/tokens").json().get(0).path("id").asLong();
        JsonNode me = api.get("/me").json();
        assertEquals("revoke-api@example.org", me.path("email").asText());
        int status = api.delete("/tokens/" + id).status();
        assertTrue(status == 204 || status == 200, "revoked: " + status);
        assertEquals(401, api.get("/me").status(), "a revoked token is refused at once");
    }
}
