package dev.vantage.tripwire.record;

import dev.vantage.store.decoy.DecoyDao;
import dev.vantage.store.decoy.DecoyEvent;
import dev.vantage.store.decoy.DecoyOutcome;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The single writer: takes events from a bounded queue, folds bursts of refused connections from
 * one source into one row, appends the batch to the JSON-lines log, and stores it in one
 * transaction (retried; on failure the batch is counted as dropped, and a warning says so). Moves
 * the run's heartbeat and counters forward every few seconds. Connection threads never wait for it.
 */
public final class EventWriter implements EventSink, AutoCloseable {
    private static final int BATCH = 1024;
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final long[] RETRY_MILLIS = {200, 1000, 3000};

    private final BlockingQueue<DecoyEvent> queue;
    private final DecoyDao dao;
    private final UUID runId;
    private final @Nullable JsonLinesLog log;
    private final LongSupplier connections;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong stored = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private long lastHeartbeat;
    private boolean logFailing;
    private boolean storeFailing;

    private EventWriter(int capacity, DecoyDao dao, UUID runId, @Nullable JsonLinesLog log, LongSupplier connections,
                        Consumer<String> warnings, Clock clock) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dao = dao;
        this.runId = runId;
        this.log = log;
        this.connections = connections;
        this.warnings = warnings;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("tripwire-writer").unstarted(this::run);
    }

    /**
     * Starts the writer thread.
     *
     * @param connections the run's accepted-connection counter, stored with each heartbeat
     * @param warnings    where to say that the log or the database is failing (and when it recovers)
     */
    public static EventWriter start(int capacity, DecoyDao dao, UUID runId, @Nullable JsonLinesLog log, LongSupplier connections,
                                    Consumer<String> warnings, Clock clock) {
        EventWriter w = new EventWriter(capacity, dao, runId, log, connections, warnings, clock);
        w.lastHeartbeat = System.nanoTime();
        w.thread.start();
        return w;
    }

    @Override
    public void offer(DecoyEvent event) {
        if (closing || !queue.offer(event)) dropped.add(event.attempts());
    }

    /** Connections written to the store so far. */
    public long stored() {
        return stored.get();
    }

    /** Connections that could not be recorded so far. */
    public long dropped() {
        return dropped.sum();
    }

    public int pending() {
        return queue.size();
    }

    /**
     * Writes what is queued and stops; marks the run as stopped. Call after the producers have
     * stopped: an event offered after this is counted as dropped.
     */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            warnings.accept("the event writer did not finish within 60 s; events still queued are counted as dropped");
        }
        List<DecoyEvent> left = new ArrayList<>();
        queue.drainTo(left);
        for (DecoyEvent e : left) dropped.add(e.attempts());
        try {
            dao.updateRun(runId, clock.instant(), clock.instant(), connections.getAsLong(), dropped.sum());
        } catch (RuntimeException e) {
            warnings.accept("cannot mark the run as stopped in the database: " + e.getMessage());
        }
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                warnings.accept("cannot close the event log " + log.file() + ": " + e.getMessage());
            }
        }
    }

    private void run() {
        List<DecoyEvent> batch = new ArrayList<>(BATCH);
        while (true) {
            boolean last = closing;
            try {
                DecoyEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {       // never let the only writer die: count and go on
                for (DecoyEvent ev : batch) dropped.add(ev.attempts());
                batch.clear();
                warnings.accept("the event writer failed on a batch and counted it as dropped: " + e);
            }
            heartbeatIfDue();
            if (last && queue.isEmpty()) return;
        }
    }

    private void write(List<DecoyEvent> batch) throws InterruptedException {
        List<DecoyEvent> rows = fold(batch);
        long attempts = 0;
        for (DecoyEvent e : rows) attempts += e.attempts();
        appendToLog(rows);
        for (int attempt = 0; ; attempt++) {
            try {
                dao.insert(rows);
                stored.addAndGet(attempts);
                if (storeFailing) warnings.accept("the database accepts events again");
                storeFailing = false;
                return;
            } catch (RuntimeException e) {
                if (!storeFailing) warnings.accept("cannot store events in the database: " + e.getMessage());
                storeFailing = true;
                if (attempt >= RETRY_MILLIS.length) {
                    dropped.add(attempts);
                    return;
                }
                Thread.sleep(RETRY_MILLIS[attempt]);
            }
        }
    }

    private void appendToLog(List<DecoyEvent> rows) {
        if (log == null) return;
        try {
            log.write(rows);
            if (logFailing) warnings.accept("the event log " + log.file() + " is written again");
            logFailing = false;
        } catch (IOException e) {
            if (!logFailing) warnings.accept("cannot append to the event log " + log.file() + ": " + e.getMessage());
            logFailing = true;
        }
    }

    /**
     * Connections refused at once (over capacity, rate-limited) from the same source to the same
     * port in one batch become one row with their count; served connections stay one row each.
     */
    static List<DecoyEvent> fold(List<DecoyEvent> batch) {
        List<DecoyEvent> rows = new ArrayList<>(batch.size());
        Map<String, DecoyEvent> refused = new LinkedHashMap<>();
        for (DecoyEvent e : batch) {
            if (e.outcome() == DecoyOutcome.RECORDED) {
                rows.add(e);
                continue;
            }
            String key = e.outcome() + "|" + e.sourceAddress() + "|" + e.hostAddress() + "|" + e.port() + "|" + e.runId();
            refused.merge(key, e, (a, b) -> new DecoyEvent(a.id(), a.runId(), a.seenAt(), a.sourceAddress(), a.sourcePort(),
                    a.hostAddress(), a.port(), a.banner(), a.outcome(), a.attempts() + b.attempts(), a.bytesReceived(),
                    a.firstBytes(), a.firstLine(), a.credentials()));
        }
        rows.addAll(refused.values());
        return rows;
    }

    private void heartbeatIfDue() {
        long now = System.nanoTime();
        if (now - lastHeartbeat < HEARTBEAT.toNanos()) return;
        lastHeartbeat = now;
        try {
            dao.updateRun(runId, clock.instant(), null, connections.getAsLong(), dropped.sum());
        } catch (RuntimeException e) {
            if (!storeFailing) warnings.accept("cannot update the run's counters in the database: " + e.getMessage());
        }
    }
}
