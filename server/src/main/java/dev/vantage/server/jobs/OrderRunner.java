package dev.vantage.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.BadInputException;
import dev.vantage.Inspection;
import dev.vantage.assess.Assessor;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Policy;
import dev.vantage.check.CheckRegistry;
import dev.vantage.check.CheckSettings;
import dev.vantage.probe.IdentifyConfig;
import dev.vantage.probe.ProbeRegistry;
import dev.vantage.report.JsonResultWriter;
import dev.vantage.report.RunInfo;
import dev.vantage.report.SourceAddresses;
import dev.vantage.scan.ScanConfig;
import dev.vantage.server.data.AuditLog;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.Orders;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.ReportInfo;
import dev.vantage.server.data.Results;
import dev.vantage.server.data.Runs;
import dev.vantage.server.data.VantageResult;
import dev.vantage.server.data.Targets;
import dev.vantage.server.proof.ControlProof;
import dev.vantage.server.proof.NameResolver;
import dev.vantage.server.report.VantageReports;
import dev.vantage.server.security.Secrets;
import dev.vantage.server.service.OrderRequest;
import dev.vantage.server.service.ServiceException;
import dev.vantage.target.PortList;
import dev.vantage.target.Target;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one order at this worker's vantage (a <em>run</em>): the same pipeline as {@code vantage
 * check} ({@link Inspection} with the canonical {@link JsonResultWriter}), on the addresses the
 * target resolves to <em>now</em>, each checked against the operator's ranges first (a name that
 * pointed to a public address when it was verified may point to 127.0.0.1 today). The inspection
 * runs on its own thread, which does nothing but scan, so that interrupting it (cancel, shutdown)
 * never touches a database connection; this thread meanwhile copies the progress to the run once a
 * second and notices a cancel made by another process. The result is stored through
 * {@link Results#store}, which writes the order's report when the last of its runs ends.
 */
public final class OrderRunner {
    private static final Logger LOG = LoggerFactory.getLogger(OrderRunner.class);
    private static final long PROGRESS_EVERY_MS = 1000;

    /**
     * How this worker scans.
     *
     * @param scanRate     the rate cap per run (0: none)
     * @param vantage      the vantage whose runs it does ("" for the unnamed one)
     * @param vantageLabel the vantage name written into results (null: none, for the unnamed vantage)
     * @param workerId     this worker's name (db-scheduler's picked_by), kept on the run and its result
     * @param version      written into every result
     */
    public record Settings(int scanRate, String vantage, @Nullable String vantageLabel, String workerId, String version) {}

    /** The stores a run reads and writes. */
    public record Stores(Orders orders, Runs runs, Results results, Targets targets, AuditLog audit) {}

    private final Stores db;
    private final NameResolver resolver;
    private final ControlProof proof;
    private final RunningOrders running;
    private final Settings settings;
    private final Clock clock;
    private final Consumer<ReportInfo> afterScheduledReport;

    public OrderRunner(Stores db, NameResolver resolver, ControlProof proof, RunningOrders running, Settings settings,
                       Clock clock, Consumer<ReportInfo> afterScheduledReport) {
        this.db = db;
        this.resolver = resolver;
        this.proof = proof;
        this.running = running;
        this.settings = settings;
        this.clock = clock;
        this.afterScheduledReport = afterScheduledReport;
    }

    /** Runs the order at this vantage to its end (done, failed or cancelled); throws only when the worker is stopping. */
    public void run(String orderId) {
        Optional<Order> found = db.orders().byId(orderId);
        if (found.isEmpty() || found.get().finished()) return;
        Order order = found.get();
        long now = clock.millis();
        if (!db.runs().claim(orderId, settings.vantage(), settings.workerId(), now)) return;
        if (!db.orders().markRunning(orderId, now)) {
            db.runs().fail(orderId, settings.vantage(), "the order ended before this run started", now);
            return;
        }
        try {
            execute(order);
        } catch (ShutdownInProgress e) {
            throw e;
        } catch (ServiceException e) {
            fail(order, e.detail() != null ? e.detail() : e.messageKey());
        } catch (BadInputException e) {
            fail(order, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("order {} failed at vantage '{}'", orderId, settings.vantage(), e);
            fail(order, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private void execute(Order order) {
        OwnedTarget target = db.targets().byId(order.targetId()).orElse(null);
        if (target == null || !target.verified()) {
            fail(order, "the target is gone or its control is not proven");
            return;
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.addresses(target.host());
        } catch (UnknownHostException e) {
            fail(order, "cannot resolve " + target.host());
            return;
        }
        Optional<String> refused = proof.refusal(addresses);
        if (refused.isPresent()) {
            db.audit().record(order.accountId(), null, "order-refused", target.host(), "at run time: " + refused.get());
            fail(order, refused.get());
            return;
        }
        OrderRequest req = new OrderRequest(order.level(), order.ports(), order.policy());
        List<Target> scanned = new ArrayList<>();
        for (InetAddress a : addresses) scanned.add(new Target(target.host(), a));
        byte[] json = inspect(order, req, scanned);
        if (json == null) return;    // cancelled
        store(order, target, json);
    }

    /** The canonical JSON, or null when the order was cancelled meanwhile. */
    private byte @Nullable [] inspect(Order order, OrderRequest req, List<Target> scanned) {
        Policy policy = req.parsedPolicy();
        PortList ports = req.portList();
        String relay = policy.relayDomain() != null ? policy.relayDomain() : CheckSettings.defaults().relayDomain();
        Inspection.Options options = new Inspection.Options(req.level(), ScanConfig.defaults().withRate(settings.scanRate()),
                IdentifyConfig.defaults(), new CheckSettings(relay, CheckSettings.defaults().budget()), req.level() >= 3,
                false, 64);
        RunInfo run = new RunInfo("vantage serve (order " + order.id() + "): level " + req.level() + ", " + scanned.get(0).name(),
                req.level(), ports.toString(), Instant.ofEpochMilli(clock.millis()), settings.version());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonResultWriter writer = new JsonResultWriter(out, run, new Assessor(KnowledgeBase.builtin(), policy),
                settings.vantageLabel(), new SourceAddresses());
        RunningOrders.Progress progress = new RunningOrders.Progress();
        RuntimeException[] failure = new RuntimeException[1];
        Thread inspection = Thread.ofPlatform().name("vantage-order-" + order.id()).daemon(true).unstarted(() -> {
            try {
                new Inspection(options, ProbeRegistry.all(), CheckRegistry.all()).run(scanned, ports, writer, progress);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        running.register(order.id(), inspection, progress);
        try {
            inspection.start();
            int shown = -1;
            while (inspection.isAlive()) {
                joinQuietly(inspection, PROGRESS_EVERY_MS);
                if (running.shuttingDown()) {
                    inspection.interrupt();
                    joinQuietly(inspection, 10_000);
                    throw new ShutdownInProgress(order.id());
                }
                int p = progress.percent();
                if (p != shown && inspection.isAlive()) {
                    shown = p;
                    db.runs().setProgress(order.id(), settings.vantage(), p);
                }
                if (!stillRunning(order.id())) inspection.interrupt();    // cancelled, perhaps by another process
            }
        } finally {
            running.unregister(order.id());
        }
        if (running.shuttingDown()) throw new ShutdownInProgress(order.id());
        if (!stillRunning(order.id())) return null;
        if (failure[0] != null) throw failure[0];
        return out.toByteArray();
    }

    private boolean stillRunning(String orderId) {
        return db.orders().byId(orderId).map(o -> o.status().equals(Order.RUNNING)).orElse(false);
    }

    private void store(Order order, OwnedTarget target, byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        ReportInfo[] written = new ReportInfo[1];
        Results.Outcome outcome = db.results().store(order.id(), settings.vantage(), text, settings.workerId(), clock.millis(),
                results -> {
                    String report = VantageReports.compose(results);
                    Figures f = Figures.of(report);
                    written[0] = new ReportInfo(Secrets.newId(), order.id(), order.accountId(), target.id(), f.highestRisk(),
                            f.openPorts(), f.findings(), clock.millis());
                    return new Results.Report(written[0], report);
                });
        switch (outcome) {
            case REPORTED -> {
                ReportInfo info = written[0];
                db.audit().record(order.accountId(), null, "order-done", target.host(), "order " + order.id() + ", report " + info.id()
                        + ", " + info.openPorts() + " open, highest risk " + info.highestRisk());
                if (order.scheduleId() != null) afterScheduledReport.accept(info);
            }
            case STORED -> LOG.debug("order {}: vantage '{}' done, others still running", order.id(), settings.vantage());
            case DUPLICATE -> LOG.info("order {}: vantage '{}' had a result already; this one is dropped", order.id(), settings.vantage());
            case ORDER_ENDED -> LOG.debug("order {} ended before its result at '{}' was stored", order.id(), settings.vantage());
        }
    }

    /** A failed run fails its order: a report that silently lacks a vantage would mislead. */
    private void fail(Order order, String why) {
        String at = settings.vantage().isEmpty() ? why : "at vantage " + settings.vantage() + ": " + why;
        String text = at.length() > 1000 ? at.substring(0, 1000) : at;
        db.runs().fail(order.id(), settings.vantage(), text, clock.millis());
        db.orders().finish(order.id(), Order.FAILED, text, clock.millis());
        db.audit().record(order.accountId(), null, "order-failed", order.id(), text);
    }

    private static void joinQuietly(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.interrupt();
            throw new ShutdownInProgress(t.getName());
        }
    }

    /** The few figures shown in lists, read from the canonical JSON. */
    record Figures(String highestRisk, int openPorts, int findings) {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final List<String> ORDER = List.of("info", "low", "medium", "high");

        static Figures of(String json) {
            try {
                String highest = "info";
                int open = 0;
                int findings = 0;
                for (VantageResult part : VantageReports.split(json)) {      // every vantage's result counts
                    for (JsonNode h : JSON.readTree(part.json()).path("hosts")) {
                        String r = h.path("highest_risk").asText("info");
                        if (ORDER.indexOf(r) > ORDER.indexOf(highest)) highest = r;
                        for (JsonNode p : h.path("ports")) {
                            String state = p.path("state").asText();
                            if (state.equals("open") || state.equals("open-restricted")) open++;
                            findings += p.path("findings").size();
                        }
                    }
                }
                return new Figures(highest, open, findings);
            } catch (java.io.IOException e) {
                return new Figures("info", 0, 0);
            }
        }
    }
}
