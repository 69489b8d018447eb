package dev.vantage.server.service;

import dev.vantage.server.data.Account;
import dev.vantage.server.data.AuditLog;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.Orders;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.Targets;
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
 * Orders: a check of a verified target, queued for the worker. Refused when the target is not
 * verified, when it now resolves into a range the service does not check, or when the account
 * or the source address has ordered too much in the last hour.
 */
public final class OrderService {
    /** Where queued orders go (db-scheduler), and how a running one is stopped. */
    public interface Queue {
        void enqueue(String orderId);

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

    public OrderService(Orders orders, Targets targets, AuditLog audit, ControlProof proof, NameResolver resolver,
                        Queue queue, Limits limits, Clock clock) {
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

    /** An order placed by a schedule (no person, no hourly limit: the schedule's period bounds it). */
    public Order placeScheduled(long accountId, String targetId, OrderRequest req, String scheduleId) {
        OwnedTarget t = ownedTarget(accountId, targetId);
        return create(accountId, t, req, null, scheduleId);
    }

    private Order create(long accountId, OwnedTarget t, OrderRequest req, @Nullable String sourceIp, @Nullable String scheduleId) {
        if (!t.verified()) {
            audit.record(accountId, sourceIp, "order-refused", t.host(), "control not proven");
            throw ServiceException.forbidden("ui.order.unverified", null);
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
        Order o = new Order(Secrets.newId(), accountId, t.id(), scheduleId, req.level(), req.ports(), req.policy(),
                Order.QUEUED, 0, null, sourceIp, clock.millis(), null, null);
        orders.insert(o);
        audit.record(accountId, sourceIp, "order", t.host(), "level " + req.level() + (req.ports() == null ? "" : ", ports " + req.ports())
                + (scheduleId == null ? "" : ", schedule " + scheduleId) + ", order " + o.id());
        queue.enqueue(o.id());
        return o;
    }

    public Order get(Account a, String id) {
        if (!Secrets.looksLikeId(id)) throw ServiceException.notFound();
        return orders.find(a.id(), id).orElseThrow(ServiceException::notFound);
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
