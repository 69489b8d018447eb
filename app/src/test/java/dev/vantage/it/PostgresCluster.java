package dev.vantage.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster from Debian's package for tests: initdb in a temp dir as the
 * {@code postgres} user, served on a free loopback port with trust authentication for the
 * superuser {@code vantage}, stopped by its process handle and deleted on {@link #close()}.
 * Each test takes its own database with {@link #freshDatabase(String)}.
 */
final class PostgresCluster implements AutoCloseable {
    private final Path dir;
    private final MailDaemon postgres;
    private final int port;

    private PostgresCluster(Path dir, MailDaemon postgres, int port) {
        this.dir = dir;
        this.postgres = postgres;
        this.port = port;
    }

    /** Where Debian put the server's programs, if the package is installed and this runs as root (setpriv). */
    static Optional<Path> binaries() {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("postgres"))).findFirst().orElse(null);
        } catch (IOException e) {
            bin = null;
        }
        if (bin == null || !MailDaemon.usable(bin.resolve("postgres").toString(), "/usr/bin/setpriv")) return Optional.empty();
        return Optional.of(bin);
    }

    /** Starts a new cluster; callers check {@link #binaries()} first (and skip without it). */
    static PostgresCluster start(String name) throws Exception {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("needs postgresql and root"));
        Path dir = MailDaemon.sharedTempDir(name);
        Path data = dir.resolve("data");
        MailDaemon.run(20, "install", "-d", "-o", "postgres", "-g", "postgres", "-m", "700", data.toString());
        MailDaemon.run(120, "/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--",
                bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "vantage", "--auth=trust", "--no-sync");
        int port = MailDaemon.freePort();
        MailDaemon postgres = MailDaemon.start("postgres", dir.resolve("postgres.log"), "/usr/bin/setpriv", "--reuid=postgres",
                "--regid=postgres", "--init-groups", "--", bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port), "-k", data.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off");
        try {
            postgres.awaitPort(MailDaemon.loopback("127.0.0.1"), port, Duration.ofSeconds(60));
        } catch (Exception | AssertionError e) {
            postgres.close();
            MailDaemon.deleteTree(dir);
            throw e;
        }
        return new PostgresCluster(dir, postgres, port);
    }

    int port() {
        return port;
    }

    /**
     * The server's Unix socket. Network namespaces share the file system, so a relay in a
     * namespace (socat) can reach the database through it without any route out of the namespace.
     */
    Path socket() {
        return dir.resolve("data").resolve(".s.PGSQL." + port);
    }

    /** The JDBC URL of a database in this cluster, as user {@code vantage}. */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=vantage";
    }

    /** Creates an empty database (name: letters, digits, underscores) and returns its JDBC URL. */
    String freshDatabase(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) throw new IllegalArgumentException("database name: " + name);
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    @Override
    public void close() throws Exception {
        try {
            postgres.close();
        } finally {
            MailDaemon.deleteTree(dir);
        }
    }
}
