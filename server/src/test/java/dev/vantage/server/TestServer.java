package dev.vantage.server;

import dev.vantage.target.Cidr;
import dev.vantage.server.security.Scope;
import dev.vantage.server.service.Limits;
import dev.vantage.store.StoreConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real service for a test: H2 in a temporary directory, a free loopback port, loopback allowed
 * (it is what the tests check), a cheap Argon2 cost (the real one is tested on its own).
 */
final class TestServer implements AutoCloseable {
    final Path dir;
    final VantageServer server;
    private final boolean ownsDir;

    private TestServer(Path dir, VantageServer server, boolean ownsDir) {
        this.dir = dir;
        this.server = server;
        this.ownsDir = ownsDir;
    }

    static TestServer start() throws IOException {
        return start(b -> b);
    }

    /** A service on a new database, deleted when the service is closed. */
    static TestServer start(UnaryOperator<ServerConfig.Builder> custom) throws IOException {
        Path dir = Files.createTempDirectory("vantage-serve-test");
        return new TestServer(dir, VantageServer.start(custom.apply(builder(dir)).build()), true);
    }

    /** A service on a new database that outlives it (for restarts); the caller deletes {@link #dir}. */
    static TestServer startKeeping(UnaryOperator<ServerConfig.Builder> custom) throws IOException {
        Path dir = Files.createTempDirectory("vantage-serve-test");
        return new TestServer(dir, VantageServer.start(custom.apply(builder(dir)).build()), false);
    }

    /** Starts another service on the same database (a restart); the database stays when it is closed. */
    static TestServer restart(Path dir, UnaryOperator<ServerConfig.Builder> custom) {
        return new TestServer(dir, VantageServer.start(custom.apply(builder(dir)).build()), false);
    }

    static ServerConfig.Builder builder(Path dir) {
        return ServerConfig.builder(StoreConfig.inDataDir(dir))
                .listen("127.0.0.1", 0)
                .scope(new Scope(List.of(Cidr.parse("127.0.0.0/8")), List.of(Cidr.parse("127.0.0.66/32"))))
                .argon(64, 1)
                .scanRate(0)
                .heartbeat(Duration.ofSeconds(1))
                .pollingInterval(Duration.ofMillis(200))
                .limits(Limits.defaults().withOrders(100, 300));
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (ownsDir) deleteDir(dir);
    }

    /** Stops the service (and deletes its database if it owns it). */
    void destroy() throws IOException {
        close();
    }

    static void deleteDir(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
