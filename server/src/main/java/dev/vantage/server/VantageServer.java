package dev.vantage.server;

import dev.vantage.server.data.Accounts;
import dev.vantage.server.data.ApiTokens;
import dev.vantage.server.data.AuditLog;
import dev.vantage.server.data.Orders;
import dev.vantage.server.data.Reports;
import dev.vantage.server.data.Results;
import dev.vantage.server.data.Runs;
import dev.vantage.server.data.Schedules;
import dev.vantage.server.data.Sessions;
import dev.vantage.server.data.Targets;
import dev.vantage.server.data.Workers;
import dev.vantage.server.jobs.JobQueue;
import dev.vantage.server.jobs.OrderRunner;
import dev.vantage.server.jobs.RunningOrders;
import dev.vantage.server.jobs.WorkerPresence;
import dev.vantage.server.notify.ChangeNotifier;
import dev.vantage.server.notify.Mailer;
import dev.vantage.server.notify.WebhookSender;
import dev.vantage.server.proof.ControlProof;
import dev.vantage.server.proof.NameResolver;
import dev.vantage.server.security.PasswordHasher;
import dev.vantage.server.service.AccountService;
import dev.vantage.server.service.OrderService;
import dev.vantage.server.service.ReportService;
import dev.vantage.server.service.ScheduleService;
import dev.vantage.server.service.SessionService;
import dev.vantage.server.service.Services;
import dev.vantage.server.service.TargetService;
import dev.vantage.server.web.WebApp;
import dev.vantage.store.Store;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The check service, wired: the store, the services, the job queue with its worker, and the web
 * face. {@link #start} opens everything; {@link #close} stops taking requests, puts running
 * orders back in the queue and closes the database.
 *
 * <pre>{@code
 * VantageServer s = VantageServer.start(ServerConfig.builder(StoreConfig.inDataDir(dir)).build());
 * Runtime.getRuntime().addShutdownHook(new Thread(s::close));
 * }</pre>
 */
public final class VantageServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VantageServer.class);
    /** The version written into every result (the command line's version). */
    public static final String VERSION = "0.1.0";
    /** A worker row not refreshed for this long is dropped: its vantage can no longer be named in orders. */
    static final Duration FORGET_WORKERS_AFTER = Duration.ofDays(30);

    private final Store store;
    private final JobQueue queue;
    private final WebApp web;
    private final Services services;
    private final ServerConfig config;
    private final @Nullable WorkerPresence presence;

    private VantageServer(ServerConfig config, Store store, JobQueue queue, WebApp web, Services services,
                          @Nullable WorkerPresence presence) {
        this.config = config;
        this.presence = presence;
        this.store = store;
        this.queue = queue;
        this.web = web;
        this.services = services;
    }

    public static VantageServer start(ServerConfig config) {
        return onStore(config, 8, store -> wire(config, store));
    }

    /**
     * Opens the configured store with a connection for each worker thread plus {@code spare}, and
     * hands it to {@code wire}; if wiring fails, the store is closed before the failure goes on.
     */
    static <T> T onStore(ServerConfig config, int spare, java.util.function.Function<Store, T> wire) {
        Store store = Store.open(config.store().withMaxPoolSize(Math.max(config.store().maxPoolSize(), config.workerThreads() + spare)));
        try {
            return wire.apply(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static VantageServer wire(ServerConfig config, Store store) {
        Clock clock = Clock.systemUTC();
        Jdbi jdbi = store.jdbi();
        Accounts accounts = new Accounts(jdbi);
        Sessions sessions = new Sessions(jdbi);
        ApiTokens tokens = new ApiTokens(jdbi);
        Targets targets = new Targets(jdbi);
        Orders orders = new Orders(jdbi);
        Reports reports = new Reports(jdbi);
        Schedules schedules = new Schedules(jdbi);
        AuditLog audit = new AuditLog(jdbi, clock);

        NameResolver resolver = new NameResolver(config.dnsServer());
        ControlProof proof = new ControlProof(resolver, config.scope(), config.httpProofPort(), config.proofValidity());
        RunningOrders running = new RunningOrders();
        QueueHandle handle = new QueueHandle();

        AccountService accountService = new AccountService(accounts, tokens, audit,
                new PasswordHasher(config.argonMemoryKib(), config.argonIterations()), config.limits(), clock);
        SessionService sessionService = new SessionService(sessions, clock);
        TargetService targetService = new TargetService(targets, audit, proof, resolver, config.limits(), clock);
        Workers workers = new Workers(jdbi);
        // The service's own vantage: where its local worker checks, and where an order naming none
        // is checked (by this worker, or, with --no-worker, by workers started with that --vantage).
        String localVantage = config.vantageName() == null ? "" : config.vantageName();
        String workerId = WorkerPresence.newId();
        OrderService orderService = new OrderService(orders, targets, audit, proof, resolver, handle, config.limits(), clock,
                workers, localVantage);
        ReportService reportService = new ReportService(reports, orders, targets);
        ScheduleService scheduleService = new ScheduleService(schedules, targets, orderService, audit, clock);
        Services services = new Services(accountService, sessionService, targetService, orderService, reportService,
                scheduleService, audit);

        Mailer mailer = config.smtpHost() == null ? null : new Mailer(config.smtpHost(), config.smtpPort(), config.mailFrom());
        ChangeNotifier notifier = new ChangeNotifier(reports, orders, schedules, accounts, reportService, audit, mailer,
                new WebhookSender(resolver, config.scope()), () -> config.publicUrl() != null ? config.publicUrl() : handle.baseUrl);
        Runs runs = new Runs(jdbi);
        OrderRunner runner = new OrderRunner(new OrderRunner.Stores(orders, runs, new Results(jdbi), targets, audit), resolver, proof,
                running, new OrderRunner.Settings(config.scanRate(), localVantage, config.vantageName(), workerId, VERSION), clock,
                report -> handle.notice(report.id()));
        Runnable housekeeping = () -> {
            sessionService.purgeExpired();
            workers.forget(clock.millis() - FORGET_WORKERS_AFTER.toMillis());
        };
        JobQueue queue = new JobQueue(store.dataSource(),
                new JobQueue.Settings(config.worker() ? localVantage : null, true, workerId, config.workerThreads(),
                        config.pollingInterval(), config.heartbeat()),
                new JobQueue.Work(runner::run, notifier::send, scheduleService::tick, housekeeping),
                running, runs);
        handle.queue = queue;
        queue.start();
        WorkerPresence presence = config.worker()
                ? WorkerPresence.start(workers, workerId, localVantage, config.workerThreads(), config.heartbeat(), clock) : null;

        WebApp web = new WebApp(services, config.secureCookies(), config.trustedProxies());
        try {
            web.javalin().start(config.host(), config.port());
        } catch (RuntimeException e) {
            if (presence != null) presence.close();
            queue.close();
            throw e;
        }
        handle.baseUrl = baseUrl(config.host(), web.javalin().port());
        LOG.debug("vantage serve: listening on {}:{}, database {}", config.host(), web.javalin().port(), store.describe());
        return new VantageServer(config, store, queue, web, services, presence);
    }

    /** The port the web face listens on (the chosen one when 0 was asked for). */
    public int port() {
        return web.javalin().port();
    }

    public String baseUrl() {
        return baseUrl(config.host(), port());
    }

    private static String baseUrl(String host, int port) {
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    public Services services() {
        return services;
    }

    public Store store() {
        return store;
    }

    /** Runs the schedules now (tests; the worker does it every 30 seconds). */
    public int runDueSchedules() {
        return services.schedules().tick();
    }

    @Override
    public void close() {
        try {
            web.javalin().stop();
        } finally {
            try {
                if (presence != null) presence.close();
                queue.close();
            } finally {
                store.close();
            }
        }
    }

    /** Lets the services reach the queue that is built after them. */
    private static final class QueueHandle implements OrderService.Queue {
        private @Nullable JobQueue queue;
        private volatile String baseUrl = "";

        @Override
        public void enqueue(String orderId, String vantage) {
            if (queue != null) queue.enqueue(orderId, vantage);
        }

        @Override
        public void interrupt(String orderId) {
            if (queue != null) queue.interrupt(orderId);
        }

        void notice(String reportId) {
            if (queue != null) queue.enqueueNotice(reportId);
        }
    }
}
