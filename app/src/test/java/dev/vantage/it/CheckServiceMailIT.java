package dev.vantage.it;

import dev.vantage.target.Cidr;
import dev.vantage.server.ServerConfig;
import dev.vantage.server.VantageServer;
import dev.vantage.server.security.Scope;
import dev.vantage.store.StoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Change notices by e-mail: a scheduled check whose result changed is mailed to the owner through
 * the configured relay. The relay is Postfix's own test server, smtp-sink (from Debian's postfix
 * package), on a free loopback port, dumping every message it receives into a directory.
 */
class CheckServiceMailIT {
    private static Path dir;
    private static Path dumps;
    private static MailDaemon sink;
    private static int smtpPort;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(MailDaemon.usable("/usr/sbin/smtp-sink"), "needs postfix (smtp-sink) and root");
        dir = MailDaemon.sharedTempDir("vantage-serve-mail");
        dumps = dir.resolve("mail");
        Files.createDirectory(dumps, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwxrwxrwx"));
        smtpPort = MailDaemon.freePort();
        sink = MailDaemon.start("smtp-sink", dir.resolve("sink.log"), "/usr/sbin/smtp-sink", "-u", "nobody",
                "-d", dumps + "/%H%M%S.", "127.0.0.1:" + smtpPort, "16");
        sink.awaitPort(MailDaemon.loopback("127.0.0.1"), smtpPort, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sink != null) sink.close();
        MailDaemon.deleteTree(dir);
    }

    @Test
    void aChangeFoundByAScheduledCheckIsMailedToTheOwner() throws Exception {
        List<ServerSocket> listeners = new ArrayList<>();
        ServerConfig config = ServerConfig.builder(StoreConfig.inDataDir(dir.resolve("db"))).listen("127.0.0.1", 0)
                .scope(new Scope(List.of(Cidr.parse("127.0.0.0/8")), List.of())).scanRate(0).argon(1024, 1)
                .pollingInterval(Duration.ofMillis(300)).smtp("127.0.0.1", smtpPort).mailFrom("vantage@service.test")
                .publicUrl("https://vantage.service.test").build();
        try (VantageServer server = VantageServer.start(config)) {
            int first = ServiceClient.listener(listeners).getLocalPort();
            int second = MailDaemon.freePort();
            ServiceClient api = new ServiceClient(server.baseUrl()).account("owner@mail.test");
            String target = api.post("/targets", Map.of("host", "127.0.0.1")).json().path("id").asText();
            api.post("/targets/" + target + "/verify", Map.of("method", "self"));
            ServiceClient.Reply s = api.post("/schedules", Map.of("target", target, "period", "daily", "level", 1,
                    "ports", first + "," + second, "notify_email", true));
            assertEquals(201, s.status(), s.body());

            assertEquals(1, server.runDueSchedules());
            awaitLatestOrder(api);
            assertEquals(0, mails().size(), "nothing to compare the first check with");

            ServiceClient.listener(listeners);   // keeps the first open
            try (ServerSocket now = new ServerSocket(second, 50, java.net.InetAddress.getLoopbackAddress())) {
                Thread.ofVirtual().start(() -> {
                    while (!now.isClosed()) {
                        try (var c = now.accept()) {
                            c.getInputStream().read();
                        } catch (Exception e) {
                            // closed
                        }
                    }
                });
                server.store().jdbi().useHandle(h -> h.execute("update svc_schedule set next_run_at = 0"));
                assertEquals(1, server.runDueSchedules());
                awaitLatestOrder(api);
                String mail = awaitMail(Duration.ofSeconds(30));
                assertTrue(mail.contains("owner@mail.test"), mail);
                assertTrue(mail.contains("Vantage: changes on 127.0.0.1"), mail);
                assertTrue(mail.contains(second + "/tcp"), mail);
                assertTrue(mail.contains("https://vantage.service.test/reports/"), mail);
                assertTrue(api.get("/audit").body().contains("notice-mail"));
            }
        } finally {
            for (ServerSocket l : listeners) l.close();
        }
    }

    private static void awaitLatestOrder(ServiceClient api) throws Exception {
        String id = api.get("/orders").json().get(0).path("id").asText();
        assertEquals("done", api.awaitOrder(id, Duration.ofSeconds(60)).path("status").asText());
    }

    private static List<Path> mails() throws Exception {
        try (Stream<Path> s = Files.walk(dumps)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static String awaitMail(Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            List<Path> found = mails();
            if (!found.isEmpty()) {
                Thread.sleep(300);   // let smtp-sink finish writing it
                return Files.readString(found.get(0), StandardCharsets.ISO_8859_1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail within " + max + ": " + sink.tail());
    }
}
