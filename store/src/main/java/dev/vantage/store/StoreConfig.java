package dev.vantage.store;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the database is and how to reach it. Validated here, once: an unsupported URL is a
 * {@link StoreException} with one sentence saying what to give instead.
 *
 * @param jdbcUrl     {@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}
 * @param user        database user, or null to take it from the URL (PostgreSQL) or use H2's default
 * @param password    database password, or null
 * @param maxPoolSize most connections the pool keeps open
 * @param mustExist   refuse to create a new H2 file (for readers such as reports: a typo in the
 *                    data directory should not yield an empty report)
 * @param locations   Flyway migration locations; every feature's migrations live under the same
 *                    {@code db/migration} folder of its own jar
 */
public record StoreConfig(String jdbcUrl, @Nullable String user, @Nullable String password, int maxPoolSize,
                          boolean mustExist, List<String> locations) {
    /** Where every module keeps its migrations (one folder name, many jars). */
    public static final String MIGRATIONS = "classpath:db/migration";
    /**
     * Mixed mode, so a second process can open the file. (H2 then also closes the database from its
     * own shutdown hook; a long-running command that must write on SIGTERM handles the signal itself
     * and closes the store before the JVM exits, as the tripwire does.)
     */
    private static final String H2_OPTIONS = ";AUTO_SERVER=TRUE";
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    public StoreConfig {
        jdbcUrl = jdbcUrl.strip();
        if (Vendor.of(jdbcUrl).isEmpty()) {
            throw new StoreException("Unsupported database URL '" + redact(jdbcUrl)
                    + "'; give jdbc:h2:file:/path/to/vantage or jdbc:postgresql://host/database.");
        }
        if (maxPoolSize < 1 || maxPoolSize > 100) {
            throw new StoreException("The database pool size must be between 1 and 100, not " + maxPoolSize + ".");
        }
        locations = List.copyOf(locations);
    }

    /** A JDBC URL as the user gave it, e.g. with {@code --db}. */
    public static StoreConfig of(String jdbcUrl) {
        return new StoreConfig(jdbcUrl, null, null, 4, false, List.of(MIGRATIONS));
    }

    /**
     * The default: an H2 file {@code vantage.mv.db} in {@code dataDir}. In H2's automatic mixed
     * mode, so a second process (a report while the tripwire runs) can open it too.
     */
    public static StoreConfig inDataDir(Path dataDir) {
        return of("jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("vantage") + H2_OPTIONS);
    }

    /**
     * The data directory: {@code $VANTAGE_DATA_DIR}, else {@code $XDG_DATA_HOME/vantage}, else
     * {@code ~/.local/share/vantage}. The systemd unit passes {@code /var/lib/vantage} explicitly.
     */
    public static Path defaultDataDir(Map<String, String> env) {
        String explicit = env.get("VANTAGE_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "vantage");
        return Path.of(System.getProperty("user.home"), ".local", "share", "vantage");
    }

    public StoreConfig withCredentials(@Nullable String user, @Nullable String password) {
        return new StoreConfig(jdbcUrl, user, password, maxPoolSize, mustExist, locations);
    }

    /** Credentials from {@code VANTAGE_DB_USER} and {@code VANTAGE_DB_PASSWORD}, so they stay out of {@code ps}. */
    public StoreConfig withCredentialsFrom(Map<String, String> env) {
        String user = env.get("VANTAGE_DB_USER");
        String password = env.get("VANTAGE_DB_PASSWORD");
        return withCredentials(user != null && !user.isBlank() ? user : this.user, password != null ? password : this.password);
    }

    public StoreConfig withMustExist(boolean mustExist) {
        return new StoreConfig(jdbcUrl, user, password, maxPoolSize, mustExist, locations);
    }

    public StoreConfig withMaxPoolSize(int maxPoolSize) {
        return new StoreConfig(jdbcUrl, user, password, maxPoolSize, mustExist, locations);
    }

    /** Adds migration locations, e.g. {@code classpath:db/vendor/{vendor}} for vendor-specific SQL. */
    public StoreConfig withLocations(List<String> extra) {
        List<String> all = new java.util.ArrayList<>(locations);
        for (String l : extra) if (!all.contains(l)) all.add(l);
        return new StoreConfig(jdbcUrl, user, password, maxPoolSize, mustExist, all);
    }

    public Vendor vendor() {
        return Vendor.of(jdbcUrl).orElseThrow();
    }

    /** The URL with any password replaced by {@code ***}, for messages and logs. */
    public String safeUrl() {
        return redact(jdbcUrl);
    }

    /**
     * The file H2 keeps the database in ({@code <path>.mv.db}), for an embedded H2 URL; empty for
     * in-memory, TCP and PostgreSQL URLs.
     */
    public Optional<Path> h2File() {
        if (vendor() != Vendor.H2) return Optional.empty();
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        if (options >= 0) rest = rest.substring(0, options);
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        else if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
            return Optional.empty();
        }
        if (rest.isEmpty()) return Optional.empty();
        if (rest.startsWith("~")) rest = System.getProperty("user.home") + rest.substring(1);
        return Optional.of(Path.of(rest + ".mv.db"));
    }

    private static String redact(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + safeUrl() + ", user=" + user + ", pool=" + maxPoolSize + "]";
    }
}
