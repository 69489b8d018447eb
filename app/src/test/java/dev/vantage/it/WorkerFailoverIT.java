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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * kill -9 of a worker in the middle of a long check: db-scheduler notices the execution's missed
 * heartbeats and revives it; the other worker of the same vantage claims it, checks again from
 * the start, and exactly one result, one report and one run row are stored. A worker of another
 * vantage, running all the while, never touches it.
 */
class WorkerFailoverIT {
    private static PostgresCluster postgres;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresCluster.binaries().isPresent(), "needs postgresql and root");
        postgres = PostgresCluster.start("vantage-failover-pg");
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) postgres.close();
    }

    @Test
    void aKilledWorkersCheckCompletesOnAnotherWorkerOfItsVantageWithOneResult() throws Exception {
        String db = postgres.freshDatabase("failover");
        List<ServerSocket> listeners = new ArrayList<>();
        String[] workerOptions = {"--jobs", "1", "--allow", "127.0.0.0/8", "--heartbeat", "1", "--poll", "300", "--scan-rate", "25"};
        try (VantageServer service = VantageServer.start(ServerConfig.builder(StoreConfig.of(db)).listen("127.0.0.1", 0)
                .scope(new Scope(List.of(Cidr.parse("127.0.0.0/8")), List.of())).worker(false).vantageName("edge")
                .pollingInterval(Duration.ofMillis(300)).argon(1024, 1).build());
             WorkerProcess first = WorkerProcess.start(null, db, "edge", workerOptions);
             WorkerProcess elsewhere = WorkerProcess.start(null, db, "elsewhere", workerOptions)) {
            int open = ServiceClient.listener(listeners).getLocalPort();
            ServiceClient api = new ServiceClient(service.baseUrl()).account("failover@example.org");
            String target = api.post("/targets", Map.of("host", "127.0.0.1")).json().path("id").asText();
            assertEquals(200, api.post("/targets/" + target + "/verify", Map.of("method", "self")).status());
            // 400 ports at 25 attempts a second: a check of about 16 s.
            ServiceClient.Reply placed = api.post("/orders", Map.of("target", target, "level", 1, "ports", "1-399," + open));
            assertEquals(202, placed.status(), placed.body());
            String order = placed.json().path("id").asText();

            JsonNode run = awaitRun(api, order, r -> r.path("status").asText().equals("running") && r.path("progress").asInt() > 0);
            assertEquals(first.id, run.path("worker").asText(), "the only worker of 'edge' claimed it");
            try (WorkerProcess second = WorkerProcess.start(null, db, "edge", workerOptions)) {
                first.kill();
                assertFalse(first.alive());
                JsonNode done = api.awaitOrder(order, Duration.ofSeconds(120));
                assertEquals("done", done.path("status").asText(), done + "\nsecond worker: " + second.log());
                JsonNode finalRun = done.path("runs").get(0);
                assertEquals(1, done.path("runs").size());
                assertEquals(second.id, finalRun.path("worker").asText(), "revived on the other worker of the same vantage");
                assertEquals(2, finalRun.path("attempts").asInt(), "claimed twice: once by the killed worker, once by the second");
                JsonNode report = api.get("/reports/" + done.path("report").asText()).json();
                assertEquals(400, report.path("ports_per_host").asInt(), "the whole check, run again from the start");
                assertEquals("edge", report.path("vantage").asText());

                try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
                    assertEquals(1, count(s, "select count(*) from svc_run where order_id = '" + order + "'"));
                    assertEquals(1, count(s, "select count(*) from svc_result where order_id = '" + order + "'"));
                    assertEquals(1, count(s, "select count(*) from svc_report where order_id = '" + order + "'"));
                    assertEquals(0, count(s, "select count(*) from scheduled_tasks where task_instance = '" + order + "'"),
                            "the one-time task is gone once it completed");
                    assertEquals(1, count(s, "select count(*) from svc_audit where action = 'order-done' and detail like '%" + order + "%'"));
                }
            }
        } finally {
            for (ServerSocket s : listeners) s.close();
        }
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static JsonNode awaitRun(ServiceClient api, String order, java.util.function.Predicate<JsonNode> until) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = api.get("/orders/" + order).json();
            JsonNode run = last.path("runs").path(0);
            if (until.test(run)) return run;
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not start: " + last);
    }
}
