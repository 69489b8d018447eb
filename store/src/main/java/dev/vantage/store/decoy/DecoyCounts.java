package dev.vantage.store.decoy;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** The summary rows the tripwire's reports are built from. Attempts count connections. */
public final class DecoyCounts {
    private DecoyCounts() {}

    /** Everything since a time: attempts, stored rows, distinct sources, first and last seen. */
    public record Totals(long attempts, long events, long sources, @Nullable Instant firstSeen, @Nullable Instant lastSeen) {}

    public record PerPort(int port, long attempts, long sources, Instant firstSeen, Instant lastSeen) {}

    /** One UTC day. */
    public record PerDay(LocalDate day, long attempts, long sources) {}

    public record PerSource(String address, long attempts, long ports, Instant firstSeen, Instant lastSeen) {}

    public record PerSourcePort(String address, int port, long attempts, Instant firstSeen, Instant lastSeen) {}

    /** A text (a user name, a first line) and how often it was seen. */
    public record PerText(String text, long count) {}
}
