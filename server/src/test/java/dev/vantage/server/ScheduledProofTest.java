package dev.vantage.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Before a scheduled run an expired HTTP proof is checked again without the owner: while the token
 * is still published the proof is renewed and the order placed; once it is gone the run is skipped
 * and the owner's orders are refused until control is proven again.
 */
class ScheduledProofTest {
    private static volatile String served = "";

    @Test
    void anExpiredHttpProofIsRenewedWhileTheTokenIsPublishedAndLapsesWhenItIsGone() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        web.createContext("/.well-known/vantage-challenge/", ex -> {
            byte[] body = served.getBytes(StandardCharsets.UTF_8);
            boolean match = !served.isEmpty() && ex.getRequestURI().getPath().endsWith("/" + served);
            ex.sendResponseHeaders(match ? 200 : 404, match ? body.length : -1);
            if (match) ex.getResponseBody().write(body);
            ex.close();
        });
        web.start();
        try (TestServer s = TestServer.start(b -> b.worker(false).httpProofPort(web.getAddress().getPort())
                .proofValidity(Duration.ofSeconds(2)))) {
            Api api = Api.newAccount(s.server.baseUrl(), "scheduled-proof@example.org");
            var t = api.post("/targets", Map.of("host", "127.0.0.1")).json();
            String target = t.path("id").asText();
            served = t.path("challenge").asText();
            assertEquals(200, api.post("/targets/" + target + "/verify", Map.of("method", "http")).status());
            Thread.sleep(2300);
            assertEquals(403, api.post("/orders", Map.of("target", target, "level", 1, "ports", "1")).status(), "expired");

            assertEquals(201, api.post("/schedules", Map.of("target", target, "period", "daily", "level", 1, "ports", "1")).status());
            assertEquals(1, s.server.runDueSchedules(), "the token is still there: renewed, and the run placed");
            assertTrue(api.get("/audit").body().contains("proof-renewed"));
            assertEquals(202, api.post("/orders", Map.of("target", target, "level", 1, "ports", "1")).status(), "a new period");

            served = "";
            Thread.sleep(2300);
            assertEquals(201, api.post("/schedules", Map.of("target", target, "period", "weekly", "level", 1, "ports", "1")).status());
            assertEquals(0, s.server.runDueSchedules(), "the token is gone: the run is skipped");
            String audit = api.get("/audit").body();
            assertTrue(audit.contains("proof-lapsed") && audit.contains("schedule-skipped"), audit);
            assertEquals(403, api.post("/orders", Map.of("target", target, "level", 1, "ports", "1")).status());
        } finally {
            web.stop(0);
        }
    }
}
