package dev.vantage.store;

import java.util.Locale;
import java.util.Optional;

/** The databases the store runs on; migrations are written to run unchanged on both. */
public enum Vendor {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    Vendor(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The vendor a JDBC URL names, if it is one the store supports. */
    public static Optional<Vendor> of(String jdbcUrl) {
        String url = jdbcUrl.strip().toLowerCase(Locale.ROOT);
        for (Vendor v : values()) if (url.startsWith(v.urlPrefix)) return Optional.of(v);
        return Optional.empty();
    }

    /** Flyway's name for the vendor, as in the {@code {vendor}} placeholder of a migration location. */
    public String flywayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
