package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.target.Cidr;
import dev.vantage.server.ServerConfig;
import dev.vantage.server.VantageServer;
import dev.vantage.server.security.Scope;
import dev.vantage.store.StoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The check service on Debian's PostgreSQL instead of H2: the same migrations, the job queue
 * (db-scheduler's table) and a restart between taking an order and running it, on a throw-away
 * cluster ({@link PostgresCluster}).
 */
class CheckServicePostgresIT {
    private static PostgresCluster postgres;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresCluster.binaries().isPresent(), "needs postgresql and root");
        postgres = PostgresCluster.start("vantage-serve-pg");
        port = postgres.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) postgres.close();
    }

    private static VantageServer service(boolean worker) {
        StoreConfig store = StoreConfig.of("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=vantage");
        return VantageServer.start(ServerConfig.builder(store).listen("127.0.0.1", 0)
                .scope(new Scope(List.of(Cidr.parse("127.0.0.0/8")), List.of())).worker(worker).scanRate(0)
                .pollingInterval(Duration.ofMillis(300)).argon(1024, 1).build());
    }

    @Test
    void ordersSurviveARestartAndRunOnPostgres() throws Exception {
        List<ServerSocket> listeners = new ArrayList<>();
        try {
            int open = ServiceClient.listener(listeners).getLocalPort();
            String token;
            String order;
            String target;
            try (VantageServer intake = service(false)) {
                ServiceClient api = new ServiceClient(intake.baseUrl()).account("pg@example.org");
                token = api.token();
                target = api.post("/targets", Map.of("host", "127.0.0.1")).json().path("id").asText();
                assertEquals(200, api.post("/targets/" + target + "/verify", Map.of("method", "self")).status());
                ServiceClient.Reply placed = api.post("/orders", Map.of("target", target, "level", 1, "ports", String.valueOf(open)));
                assertEquals(202, placed.status(), placed.body());
                order = placed.json().path("id").asText();
            }
            try (VantageServer worker = service(true)) {
                ServiceClient api = new ServiceClient(worker.baseUrl()).withToken(token);
                JsonNode done = api.awaitOrder(order, Duration.ofSeconds(60));
                assertEquals("done", done.path("status").asText(), done.toString());
                JsonNode result = api.get("/reports/" + done.path("report").asText()).json();
                assertEquals(open, result.path("hosts").get(0).path("ports").get(0).path("port").asInt());
                ServiceClient.Reply second = api.post("/orders", Map.of("target", target, "level", 1, "ports", open + ",1"));
                JsonNode again = api.awaitOrder(second.json().path("id").asText(), Duration.ofSeconds(60));
                assertEquals("vantage-diff/1", api.get("/reports/" + again.path("report").asText() + "/diff").json().path("schema").asText());
                assertTrue(api.get("/audit").body().contains("order-done"));
            }
        } finally {
            for (ServerSocket s : listeners) s.close();
        }
    }
}
