package dev.vantage.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;

/**
 * An open database with its schema up to date: a bounded connection pool, Flyway migrations from
 * every jar's {@code db/migration/}, and a {@link Jdbi} over it. Thread-safe; open one per process
 * and share it. Feature code takes the {@link #jdbi()} and keeps its SQL in its own classes.
 */
public final class Store implements AutoCloseable {
    static {
        // H2's automatic mixed mode serves an open file to later processes over TCP (so a report can
        // run while the tripwire writes). Keep that server, and the address it advertises, on loopback.
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private final StoreConfig config;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Store(StoreConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Opens the database and applies pending migrations.
     *
     * @throws StoreException with a one-sentence message when it cannot be opened or migrated
     */
    public static Store open(StoreConfig config) {
        prepareH2File(config);
        HikariDataSource ds = pool(config);
        try {
            migrate(config, ds);
            return new Store(config, ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return config.vendor();
    }

    /** The database's URL without a password, for messages. */
    public String describe() {
        return config.safeUrl();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void prepareH2File(StoreConfig config) {
        Path file = config.h2File().orElse(null);
        if (file == null) return;
        if (config.mustExist() && !Files.exists(file)) {
            throw new StoreException("There is no database at " + file + "; give the data directory or --db the writer used.");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || Files.isDirectory(dir)) return;
        try {
            Path parent = dir.getParent();
            if (parent != null) Files.createDirectories(parent);
            try {
                // Private: the database holds attack records and the installation's password salt.
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another process: fine
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + dir + " (" + e.getMessage() + "); give a writable --data-dir.", e);
        }
    }

    private static HikariDataSource pool(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) hc.setUsername(config.user());
        if (config.password() != null) hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.maxPoolSize());
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(10_000);
        hc.setPoolName("vantage-store");
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot open the database " + config.safeUrl() + ": " + rootMessage(e)
                    + "; check --db, the credentials and that the database server runs.", e);
        }
    }

    private static void migrate(StoreConfig config, DataSource ds) {
        try {
            Flyway.configure(Store.class.getClassLoader())
                    .dataSource(ds)
                    .locations(config.locations().toArray(String[]::new))
                    // Each feature numbers its own migrations (see store/README.md); a feature added
                    // later may bring versions lower than ones already applied.
                    .outOfOrder(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("Cannot bring the database " + config.safeUrl() + " up to date: " + rootMessage(e) + ".", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 10 && t.getCause() != null && t.getCause() != t; i++) t = t.getCause();
        String m = t.getMessage();
        if (m == null) return t.getClass().getSimpleName();
        if (t instanceof SQLException) m = m.lines().findFirst().orElse(m);
        return m.strip();
    }
}
