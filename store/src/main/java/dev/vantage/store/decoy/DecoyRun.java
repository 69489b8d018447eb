package dev.vantage.store.decoy;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of the tripwire. {@code aliveAt} moves forward while it runs, so a run that ended
 * without {@code stoppedAt} (a crash, a power cut) still shows how long it watched.
 *
 * @param ports       the watched ports, comma-separated
 * @param banners     the fake service per port, e.g. {@code 21=ftp,23=telnet}
 * @param connections connections accepted so far
 * @param dropped     events that could not be recorded (queue full or database failing)
 */
public record DecoyRun(UUID id, Instant startedAt, Instant aliveAt, @Nullable Instant stoppedAt, String ports,
                       String banners, long connections, long dropped) {}
