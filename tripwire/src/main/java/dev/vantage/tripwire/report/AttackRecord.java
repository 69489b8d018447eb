package dev.vantage.tripwire.report;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the tripwire recorded in a period; renderers read only this.
 *
 * @param since       start of the period, or null for "since the first record"
 * @param attempts    connections to decoy ports (a burst refused at once counts each connection)
 * @param sources     distinct source addresses (counted before masking)
 * @param dropped     connections that could not be recorded; the counts are lower by that much
 * @param topSources  the most active sources, masked when {@code masked}
 */
public record AttackRecord(@Nullable Instant since, Instant generatedAt, long attempts, long sources,
                           @Nullable Instant firstSeen, @Nullable Instant lastSeen, long dropped,
                           List<PortRow> ports, List<DayRow> days, List<SourceRow> topSources, List<TextRow> users,
                           List<TextRow> firstLines, List<RunRow> runs, boolean masked) {
    public AttackRecord {
        ports = List.copyOf(ports);
        days = List.copyOf(days);
        topSources = List.copyOf(topSources);
        users = List.copyOf(users);
        firstLines = List.copyOf(firstLines);
        runs = List.copyOf(runs);
    }

    /** @param service the knowledge-base key of the port's usual service (telnet, ftp), or null */
    public record PortRow(int port, @Nullable String service, long attempts, long sources, Instant firstSeen, Instant lastSeen) {}

    /** One UTC day; days without attempts inside the period are present with zero. */
    public record DayRow(LocalDate day, long attempts, long sources) {}

    public record SourceRow(String source, long attempts, int ports, Instant firstSeen, Instant lastSeen) {}

    public record TextRow(String text, long count) {}

    /** When a tripwire watched: {@code until} is its last heartbeat when it is still running or ended without a stop. */
    public record RunRow(Instant from, Instant until, boolean stopped, String ports) {}
}
