package dev.vantage.server.service;

import dev.vantage.server.data.Account;
import dev.vantage.server.data.AuditLog;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.Orders;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.Run;
import dev.vantage.server.data.Targets;
import dev.vantage.server.data.Workers;
import dev.vantage.server.proof.ControlProof;
import dev.vantage.server.proof.NameResolver;
import dev.vantage.server.security.Secrets;
import org.jspecify.annotations.Nullable;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Orders: a check of a verified target, queued for the worker. Refused when the target's proof
 * of control is missing or expired, when it now resolves into a range the service does not check, or when the account
 * or the source address has ordered too much in the last hour.
 */
public final class OrderService {
    /** A worker seen this recently counts as running (workers beat every heartbeat, 10 s by default). */
    public static final Duration LIVE_WINDOW = Duration.ofSeconds(60);

    /** Where queued orders go (db-scheduler), and how a running one is stopped. */
    public interface Queue {
        /** Queues the run of an order at one vantage ("" for the unnamed one). */
        void enqueue(String orderId, String vantage);

        /** Asks a running order to stop (in this process; others notice through the order's status). */
        void interrupt(String orderId);
    }

    private final Orders orders;
    private final Targets targets;
    private final AuditLog audit;
    private final ControlProof proof;
    private final NameResolver resolver;
    private final Queue queue;
    private final Limits limits;
    private final Clock clock;
    private final Workers workers;
    private final @Nullable String defaultVantage;

    /**
     * @param defaultVantage where an order that names no vantage is checked: the service's
     *                       {@code --vantage} ("" without one), or null for every vantage with a
     *                       worker now
     */
    public OrderService(Orders orders, Targets targets, AuditLog audit, ControlProof proof, NameResolver resolver,
                        Queue queue, Limits limits, Clock clock, Workers workers, @Nullable String defaultVantage) {
        this.workers = workers;
        this.defaultVantage = defaultVantage;
        this.orders = orders;
        this.targets = targets;
        this.audit = audit;
        this.proof = proof;
        this.resolver = resolver;
        this.queue = queue;
        this.limits = limits;
        this.clock = clock;
    }

    /** An order placed by a person (UI or API), counted against the hourly limits. */
    public Order place(Account a, String targetId, OrderRequest req, String sourceIp) {
        OwnedTarget t = ownedTarget(a.id(), targetId);
        long hourAgo = clock.millis() - Duration.ofHours(1).toMillis();
        if (orders.countSinceByAccount(a.id(), hourAgo) >= limits.ordersPerAccount()
                || orders.countSinceBySource(sourceIp, hourAgo) >= limits.ordersPerAddress()) {
            audit.record(a.id(), sourceIp, "order-limited", t.host(), null);
            throw ServiceException.tooMany(600);
        }
        return create(a.id(), t, req, sourceIp, null);
    }

    /**
     * An order placed by a schedule (no person, no hourly limit: the schedule's period bounds it).
     * A DNS or HTTP proof is checked again first; when it still holds, its period starts anew.
     */
    public Order placeScheduled(long accountId, String targetId, OrderRequest req, String scheduleId) {
        OwnedTarget t = ownedTarget(accountId, targetId);
        Optional<ControlProof.Outcome> again = t.verified() ? proof.reconfirm(t) : Optional.empty();
        if (again.isPresent()) {
            if (!again.get().verified()) {
                audit.record(accountId, null, "proof-lapsed", t.host(), t.verifiedMethod() + ": " + again.get().detail());
                throw ServiceException.forbidden("ui.order.proof_lapsed", again.get().detail());
            }
            targets.markVerified(t.id(), t.verifiedMethod(), clock.millis());
            audit.record(accountId, null, "proof-renewed", t.host(), t.verifiedMethod() + ": " + again.get().detail());
            t = ownedTarget(accountId, targetId);
        }
        return create(accountId, t, req, null, scheduleId);
    }

    private Order create(long accountId, OwnedTarget t, OrderRequest req, @Nullable String sourceIp, @Nullable String scheduleId) {
        if (!proof.isCurrent(t, clock.millis())) {
            boolean expired = proof.hasExpired(t, clock.millis());
            audit.record(accountId, sourceIp, "order-refused", t.host(), expired ? "proof of control expired" : "control not proven");
            throw ServiceException.forbidden(expired ? "ui.order.proof_expired" : "ui.order.unverified", null);
        }
        try {
            Optional<String> refused = proof.refusal(resolver.addresses(t.host()));
            if (refused.isPresent()) {
                audit.record(accountId, sourceIp, "order-refused", t.host(), refused.get());
                throw ServiceException.forbidden("ui.order.out_of_scope", refused.get());
            }
        } catch (UnknownHostException e) {
            throw ServiceException.bad("ui.proof.unresolved", t.host());
        }
        List<String> vantages = vantages(req);
        Order o = new Order(Secrets.newId(), accountId, t.id(), scheduleId, req.level(), req.ports(), req.policy(),
                Order.QUEUED, 0, null, sourceIp, clock.millis(), null, null);
        orders.insert(o, vantages);
        audit.record(accountId, sourceIp, "order", t.host(), "level " + req.level() + (req.ports() == null ? "" : ", ports " + req.ports())
                + (scheduleId == null ? "" : ", schedule " + scheduleId)
                + (vantages.equals(List.of("")) ? "" : ", from " + String.join(", ", vantages)) + ", order " + o.id());
        for (String v : vantages) queue.enqueue(o.id(), v);
        return o;
    }

    /**
     * The vantages an order is checked from: the default when it names none; every vantage with
     * a worker seen in the last {@link #LIVE_WINDOW} for "all" (and for none, without a default); else the named ones, each of which
     * must have had a worker once (so that a typo is refused, not queued for ever).
     */
    List<String> vantages(OrderRequest req) {
        if (req.vantages().isEmpty() && defaultVantage != null) return List.of(defaultVantage);
        if (req.vantages().isEmpty() || req.allVantages()) {
            List<String> live = workers.liveVantages(clock.millis() - LIVE_WINDOW.toMillis());
            if (live.isEmpty()) throw ServiceException.bad("ui.order.bad_vantage", "no worker is running at any vantage");
            return live;
        }
        for (String v : req.vantages()) {
            if (!v.equals(defaultVantage) && !workers.known(v)) {
                throw ServiceException.bad("ui.order.bad_vantage", "no worker has ever run at vantage '" + v + "'");
            }
        }
        return req.vantages();
    }

    /** The vantages that have a worker now (seen within {@link #LIVE_WINDOW}), for the order form. */
    public List<String> liveVantages() {
        return workers.liveVantages(clock.millis() - LIVE_WINDOW.toMillis());
    }

    public Order get(Account a, String id) {
        if (!Secrets.looksLikeId(id)) throw ServiceException.notFound();
        return orders.find(a.id(), id).orElseThrow(ServiceException::notFound);
    }

    /** The order's runs, one per vantage (the caller has found the order among the account's own). */
    public List<Run> runs(Order o) {
        return orders.runs(o.id());
    }

    public List<Order> list(Account a, int limit) {
        return orders.of(a.id(), limit);
    }

    public List<Order> ofTarget(Account a, String targetId, int limit) {
        OwnedTarget t = ownedTarget(a.id(), targetId);
        return orders.ofTarget(t.id(), limit);
    }

    /** Cancels a queued or running order; a finished one stays as it is. */
    public Order cancel(Account a, String id, String sourceIp) {
        Order o = get(a, id);
        if (orders.finish(o.id(), Order.CANCELLED, null, clock.millis())) {
            queue.interrupt(o.id());
            audit.record(a.id(), sourceIp, "order-cancel", o.id(), null);
        }
        return orders.find(a.id(), id).orElseThrow(ServiceException::notFound);
    }

    private OwnedTarget ownedTarget(long accountId, String targetId) {
        if (targetId == null || !Secrets.looksLikeId(targetId)) throw ServiceException.notFound();
        return targets.find(accountId, targetId).orElseThrow(ServiceException::notFound);
    }
}
