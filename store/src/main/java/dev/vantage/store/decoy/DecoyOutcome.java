package dev.vantage.store.decoy;

import java.util.Locale;

/** What became of a connection to a decoy port. Every accepted connection has one. */
public enum DecoyOutcome {
    /** Served by the fake prompt; what the client sent is recorded. */
    RECORDED,
    /** Closed at once because the cap on concurrent connections was reached. */
    OVER_CAPACITY,
    /** Closed at once because its source exceeded its rate. */
    RATE_LIMITED;

    /** The stored and printed form, e.g. {@code over-capacity}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DecoyOutcome parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
