package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vantage.assess.Cidr;
import dev.vantage.server.ServerConfig;
import dev.vantage.server.VantageServer;
import dev.vantage.server.security.Scope;
import dev.vantage.store.StoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The check service on Debian's PostgreSQL instead of H2: the same migrations, the job queue
 * (db-scheduler's table) and a restart between taking an order and running it. The cluster is
 * made by initdb in a temp dir and served on a free loopback port, stopped by its process handle.
 */
class CheckServicePostgresIT {
    private static Path dir;
    private static MailDaemon postgres;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("postgres"))).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            bin = null;
        }
        assumeTrue(bin != null && MailDaemon.usable(bin.resolve("postgres").toString(), "/usr/bin/setpriv"), "needs postgresql and root");
        dir = MailDaemon.sharedTempDir("vantage-serve-pg");
        Path data = dir.resolve("data");
        MailDaemon.run(20, "install", "-d", "-o", "postgres", "-g", "postgres", "-m", "700", data.toString());
        MailDaemon.run(120, "/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--",
                bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "vantage", "--auth=trust", "--no-sync");
        port = MailDaemon.freePort();
        postgres = MailDaemon.start("postgres", dir.resolve("postgres.log"), "/usr/bin/setpriv", "--reuid=postgres",
                "--regid=postgres", "--init-groups", "--", bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port), "-k", data.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off");
        postgres.awaitPort(MailDaemon.loopback("127.0.0.1"), port, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) postgres.close();
        MailDaemon.deleteTree(dir);
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
