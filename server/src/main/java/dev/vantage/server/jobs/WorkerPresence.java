package dev.vantage.server.jobs;

import dev.vantage.server.data.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A worker's row in {@code svc_worker}, refreshed at every heartbeat, so that the service knows
 * which vantages have a worker now ("all" in an order) and which ever had one (a named vantage).
 * This is bookkeeping for people and orders only: whether a claimed run is alive is db-scheduler's
 * own heartbeat on the execution, not this.
 */
public final class WorkerPresence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPresence.class);

    private final Workers workers;
    private final String id;
    private final String vantage;
    private final int jobs;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private WorkerPresence(Workers workers, String id, String vantage, int jobs, Clock clock) {
        this.workers = workers;
        this.id = id;
        this.vantage = vantage;
        this.jobs = jobs;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("vantage-worker-presence").daemon(true).unstarted(r));
    }

    /** Registers the worker now and then every {@code every}. */
    public static WorkerPresence start(Workers workers, String id, String vantage, int jobs, Duration every, Clock clock) {
        WorkerPresence p = new WorkerPresence(workers, id, vantage, jobs, clock);
        p.beat();
        p.timer.scheduleWithFixedDelay(p::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return p;
    }

    /**
     * A name for this worker process, unique among workers sharing a database: two workers in two
     * network namespaces of one machine share the host name, so the process id and a random part
     * are added (db-scheduler keeps at most 50 characters in picked_by).
     */
    public static String newId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "worker";
        }
        if (host.length() > 24) host = host.substring(0, 24);
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + HexFormat.of().formatHex(random);
    }

    public String id() {
        return id;
    }

    private void beat() {
        try {
            workers.beat(id, vantage, jobs, clock.millis());
        } catch (RuntimeException e) {
            LOG.warn("worker {} could not record that it is alive: {}", id, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            workers.gone(id);
        } catch (RuntimeException e) {
            LOG.debug("worker {} could not record that it stopped: {}", id, e.toString());
        }
    }
}
