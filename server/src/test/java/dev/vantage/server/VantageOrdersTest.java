package dev.vantage.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders at several vantages, on one database: the service's own worker at "here" and a bare
 * {@link VantageWorker} at "there" (in this JVM, on the same H2 file). Each run is claimed by a
 * worker of its own vantage only, and the report puts the vantages side by side.
 */
class VantageOrdersTest {
    @Test
    void anOrderForAllVantagesIsRunByEachVantagesWorkerAndReportedSideBySide() throws Exception {
        try (Listeners listeners = new Listeners();
             TestServer service = TestServer.start(b -> b.vantageName("here"));
             VantageWorker there = VantageWorker.start(TestServer.builder(service.dir).vantageName("there").build())) {
            int open = listeners.open();
            Api api = Api.newAccount(service.server.baseUrl(), "vantages@example.org");
            String target = api.post("/targets", Map.of("host", "127.0.0.1")).json().path("id").asText();
            api.post("/targets/" + target + "/verify", Map.of("method", "self"));
            String policy = "hosts:\n  - name: box\n    addresses: [127.0.0.1]\n    ports:\n      - port: " + open
                    + "\n        from: [198.18.1.0/24]\n";

            JsonNode all = ApiRoutesTest.awaitOrder(api, api.post("/orders", Map.of("target", target, "level", 1,
                    "ports", String.valueOf(open), "policy", policy, "vantages", "all")).json().path("id").asText());
            assertEquals("done", all.path("status").asText(), all.toString());
            Set<String> vantages = new HashSet<>();
            Set<String> workers = new HashSet<>();
            for (JsonNode r : all.path("runs")) {
                vantages.add(r.path("vantage").asText());
                workers.add(r.path("worker").asText());
                assertEquals("done", r.path("status").asText());
                assertEquals(1, r.path("attempts").asInt());
            }
            assertEquals(Set.of("here", "there"), vantages);
            assertEquals(2, workers.size(), "each vantage's run on its own worker");
            assertTrue(workers.contains(there.id()));

            String report = all.path("report").asText();
            JsonNode json = api.get("/reports/" + report).json();
            assertEquals("vantage-order/1", json.path("schema").asText(), json.toString());
            assertEquals(2, json.path("results").size());
            for (JsonNode r : json.path("results")) {
                assertEquals(r.path("vantage").asText(), r.path("result").path("vantage").asText());
                assertEquals("open", r.path("result").path("hosts").get(0).path("ports").get(0).path("state").asText());
            }
            String text = api.get("/reports/" + report + "/text").body();
            assertTrue(text.contains("box @ here") && text.contains("box @ there"), text);
            // The policy's "from" rule is checked against each vantage: neither is in 198.18.1.0/24.
            assertEquals(3, text.split("Port answers from a place your policy excludes", -1).length, "one deviation per vantage: " + text);
            assertTrue(api.get("/reports/" + report + "/html").body().contains("box @ there"));
            Browser ui = new Browser(service.server.baseUrl());
            ui.get("/login");
            assertEquals(303, ui.post("/login", "email", "vantages@example.org", "password", "correct horse battery").statusCode());
            String orderPage = ui.get("/orders/" + all.path("id").asText()).body();
            assertTrue(orderPage.contains("id=\"runs\"") && orderPage.contains(">there</td>"), "the order page lists its runs");
            String page = ui.get("/reports/" + report).body();
            assertTrue(page.contains("id=\"side-by-side\""), "the report page lays the vantages side by side");
            assertTrue(page.contains("<th class=\"mono\">box @ here</th>") && page.contains("<th class=\"mono\">box @ there</th>"), page);

            JsonNode one = ApiRoutesTest.awaitOrder(api, api.post("/orders", Map.of("target", target, "level", 1,
                    "ports", String.valueOf(open), "vantages", List.of("there"))).json().path("id").asText());
            assertEquals("done", one.path("status").asText(), one.toString());
            assertEquals(1, one.path("runs").size());
            assertEquals(there.id(), one.path("runs").get(0).path("worker").asText());
            JsonNode plain = api.get("/reports/" + one.path("report").asText()).json();
            assertEquals("vantage-scan/1", plain.path("schema").asText(), "one vantage: the canonical result itself");
            assertEquals("there", plain.path("vantage").asText());

            JsonNode local = ApiRoutesTest.awaitOrder(api, api.post("/orders", Map.of("target", target, "level", 1,
                    "ports", String.valueOf(open))).json().path("id").asText());
            assertNotEquals(there.id(), local.path("runs").get(0).path("worker").asText(), "no vantage named: the service's own");
            assertEquals("here", local.path("runs").get(0).path("vantage").asText());

            // A schedule names its vantages too; its runs go where it says.
            Api.Reply sched = api.post("/schedules", Map.of("target", target, "period", "daily", "level", 1,
                    "ports", String.valueOf(open), "vantages", "there"));
            assertEquals(201, sched.status(), sched.body());
            assertEquals(List.of("there"), List.of(sched.json().path("vantages").get(0).asText()));
            assertEquals(1, service.server.runDueSchedules());
            JsonNode scheduled = api.get("/orders").json().get(0);
            assertEquals(sched.json().path("id").asText(), scheduled.path("schedule").asText());
            JsonNode ran = ApiRoutesTest.awaitOrder(api, scheduled.path("id").asText());
            assertEquals(there.id(), ran.path("runs").get(0).path("worker").asText(), "the schedule's vantage");
            assertEquals(400, api.post("/schedules", Map.of("target", target, "period", "weekly", "level", 1,
                    "vantages", "nowhere")).status(), "an unknown vantage is refused when the schedule is made");

            Api.Reply unknown = api.post("/orders", Map.of("target", target, "level", 1, "vantages", "nowhere"));
            assertEquals(400, unknown.status());
            assertTrue(unknown.body().contains("nowhere"), unknown.body());
            Api.Reply bad = api.post("/orders", Map.of("target", target, "level", 1, "vantages", "all,there"));
            assertEquals(400, bad.status());
        }
    }
}
