package dev.vantage.server;

import dev.vantage.server.data.AuditLog;
import dev.vantage.server.data.Orders;
import dev.vantage.server.data.Results;
import dev.vantage.server.data.Runs;
import dev.vantage.server.data.Targets;
import dev.vantage.server.data.Workers;
import dev.vantage.server.jobs.JobQueue;
import dev.vantage.server.jobs.OrderRunner;
import dev.vantage.server.jobs.RunningOrders;
import dev.vantage.server.jobs.WorkerPresence;
import dev.vantage.server.proof.ControlProof;
import dev.vantage.server.proof.NameResolver;
import dev.vantage.store.Store;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * A worker without the web face ({@code vantage worker}): it claims the runs of one vantage from
 * the shared database through db-scheduler and nothing else. Schedules, change notices and
 * housekeeping stay with {@code vantage serve}; a scheduled order's notice is queued here and
 * sent there. The operator's ranges ({@code --allow}, {@code --deny}) are checked again here
 * before anything is sent, since the worker is the process that sends.
 */
public final class VantageWorker implements AutoCloseable {
    private final Store store;
    private final JobQueue queue;
    private final WorkerPresence presence;

    private VantageWorker(Store store, JobQueue queue, WorkerPresence presence) {
        this.store = store;
        this.queue = queue;
        this.presence = presence;
    }

    /** Starts a worker for {@code config.vantageName()}, which must be set. */
    public static VantageWorker start(ServerConfig config) {
        if (config.vantageName() == null || config.vantageName().isEmpty()) {
            throw new IllegalArgumentException("a worker needs a vantage name");
        }
        return VantageServer.onStore(config, 4, store -> wire(config, store));
    }

    private static VantageWorker wire(ServerConfig config, Store store) {
        Clock clock = Clock.systemUTC();
        Jdbi jdbi = store.jdbi();
        String vantage = config.vantageName();
        String id = WorkerPresence.newId();
        NameResolver resolver = new NameResolver(config.dnsServer());
        ControlProof proof = new ControlProof(resolver, config.scope(), config.httpProofPort(), config.proofValidity());
        RunningOrders running = new RunningOrders();
        Runs runs = new Runs(jdbi);
        JobQueue[] queue = new JobQueue[1];
        OrderRunner runner = new OrderRunner(new OrderRunner.Stores(new Orders(jdbi), runs, new Results(jdbi), new Targets(jdbi),
                new AuditLog(jdbi, clock)), resolver, proof, running,
                new OrderRunner.Settings(config.scanRate(), vantage, vantage, id, VantageServer.VERSION), clock,
                report -> queue[0].enqueueNotice(report.id()));
        queue[0] = new JobQueue(store.dataSource(),
                new JobQueue.Settings(vantage, false, id, config.workerThreads(), config.pollingInterval(), config.heartbeat()),
                new JobQueue.Work(runner::run, null, null, null), running, runs);
        queue[0].start();
        WorkerPresence presence = WorkerPresence.start(new Workers(jdbi), id, vantage, config.workerThreads(), config.heartbeat(), clock);
        return new VantageWorker(store, queue[0], presence);
    }

    /** This worker's name (db-scheduler's picked_by, and the worker column of its runs). */
    public String id() {
        return presence.id();
    }

    public Store store() {
        return store;
    }

    /** Stops claiming; running checks are interrupted and go back into the queue for another worker. */
    @Override
    public void close() {
        try {
            presence.close();
            queue.close();
        } finally {
            store.close();
        }
    }
}
