package dev.vantage.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restart of the service loses no order and no result; a run cut short starts again and finishes. */
class RestartTest {
    @Test
    void queuedAndInterruptedOrdersRunAfterARestart() throws Exception {
        Path dir;
        String token;
        String target;
        String queued;
        try (Listeners listeners = new Listeners()) {
            int open = listeners.open();
            String running;
            // 1. A service without a worker takes an order: it waits in the queue.
            try (TestServer first = TestServer.startKeeping(b -> b.worker(false))) {
                dir = first.dir;
                Api api = Api.newAccount(first.server.baseUrl(), "restart@example.org");
                token = api.token;
                target = api.post("/targets", Map.of("host", "127.0.0.1")).json().path("id").asText();
                api.post("/targets/" + target + "/verify", Map.of("method", "self"));
                queued = api.post("/orders", Map.of("target", target, "level", 1, "ports", String.valueOf(open))).json().path("id").asText();
                assertEquals("queued", api.get("/orders/" + queued).json().path("status").asText());
            }
            // 2. A slow worker starts it and another slow order, and is stopped in the middle of them.
            try (TestServer slow = TestServer.restart(dir, b -> b.scanRate(20))) {
                Api api = new Api(slow.server.baseUrl(), token);
                running = api.post("/orders", Map.of("target", target, "level", 1, "ports", "1-400")).json().path("id").asText();
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!api.get("/orders/" + running).json().path("status").asText().equals("running")) {
                    if (System.nanoTime() > deadline) throw new AssertionError("the order never started");
                    Thread.sleep(100);
                }
                Thread.sleep(1500);
                JsonNode mid = api.get("/orders/" + running).json();
                assertEquals("running", mid.path("status").asText());
                assertTrue(mid.path("progress").asInt() < 100);
            }
            // 3. After the restart both finish, each with its report.
            try (TestServer fast = TestServer.restart(dir, b -> b.scanRate(0))) {
                Api api = new Api(fast.server.baseUrl(), token);
                JsonNode a = ApiRoutesTest.awaitOrder(api, queued);
                JsonNode b = ApiRoutesTest.awaitOrder(api, running);
                assertEquals("done", a.path("status").asText(), a.toString());
                assertEquals("done", b.path("status").asText(), b.toString());
                assertEquals(2, api.get("/targets/" + target + "/reports").json().size());
                JsonNode result = api.get("/reports/" + b.path("report").asText()).json();
                assertEquals(400, result.path("ports_per_host").asInt(), "the whole run, not a resumed half");
            }
        }
        TestServer.deleteDir(dir);
    }
}
