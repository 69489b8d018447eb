package dev.vantage.tripwire;

import dev.vantage.BadInputException;
import dev.vantage.store.decoy.DecoyDao;
import dev.vantage.store.decoy.DecoyRun;
import dev.vantage.tripwire.record.EventWriter;
import dev.vantage.tripwire.record.JsonLinesLog;
import dev.vantage.tripwire.session.PasswordHasher;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A running tripwire: the decoy server, the event writer, the run's row in the store. Start it,
 * read {@link #stats()}, {@link #close()} it (SIGTERM does that in the CLI): it stops accepting,
 * ends open sessions, writes every queued event, and marks the run as stopped.
 */
public final class Tripwire implements AutoCloseable {
    private final DecoyServer server;
    private final EventWriter writer;
    private final UUID runId;
    private final Instant startedAt;

    private Tripwire(DecoyServer server, EventWriter writer, UUID runId, Instant startedAt) {
        this.server = server;
        this.writer = writer;
        this.runId = runId;
        this.startedAt = startedAt;
    }

    /**
     * Binds the ports, opens the log, registers the run, and starts accepting.
     *
     * @param logFile  where to append JSON lines too, or null
     * @param warnings where to say that the log or the database is failing
     * @throws BadInputException when a port cannot be bound or the log cannot be opened
     */
    public static Tripwire start(TripwireConfig config, DecoyDao dao, @Nullable Path logFile, Consumer<String> warnings, Clock clock) {
        DecoyServer server = DecoyServer.bind(config);
        try {
            JsonLinesLog log = logFile == null ? null : openLog(logFile);
            PasswordHasher hasher = new PasswordHasher(dao.passwordSalt());
            UUID runId = UUID.randomUUID();
            Instant now = clock.instant();
            dao.startRun(new DecoyRun(runId, now, now, null, config.portList(), config.bannerList(), 0, 0));
            EventWriter writer = EventWriter.start(config.queueCapacity(), dao, runId, log, () -> server.counters().accepted(),
                    warnings, clock);
            server.start(writer, hasher, runId, clock);
            return new Tripwire(server, writer, runId, now);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public DecoyStats stats() {
        DecoyServer.Counters c = server.counters();
        return new DecoyStats(c.accepted(), c.served(), c.overCapacity(), c.rateLimited(), writer.stored(), writer.dropped(), c.open(),
                writer.pending());
    }

    public UUID runId() {
        return runId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public List<InetSocketAddress> listening() {
        return server.localAddresses();
    }

    /** Stops the server first (no more events), then lets the writer store the rest. */
    @Override
    public void close() {
        server.close();
        writer.close();
    }

    private static JsonLinesLog openLog(Path file) {
        try {
            return JsonLinesLog.open(file);
        } catch (IOException e) {
            throw new BadInputException("Cannot open the event log " + file + " (" + e.getMessage() + "); give a writable --log file.");
        }
    }
}
