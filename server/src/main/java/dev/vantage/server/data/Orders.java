package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/** The {@code svc_order} table. State changes are conditional updates, so a cancel and a finish never both win. */
public final class Orders {
    private final Jdbi jdbi;

    public Orders(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(Order.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(Run.class));
    }

    /** Inserts a new order with a queued run per vantage, in one transaction. */
    public void insert(Order o, List<String> vantages) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                        insert into svc_order (id, account_id, target_id, schedule_id, level, ports, policy, status, progress,
                                               error, source_ip, created_at, started_at, finished_at)
                        values (:id, :accountId, :targetId, :scheduleId, :level, :ports, :policy, :status, :progress,
                                :error, :sourceIp, :createdAt, :startedAt, :finishedAt)""")
                    .bindMethods(o).execute();
            Runs.insertQueued(h, o.id(), vantages);
        });
    }

    public Optional<Order> find(long accountId, String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_order where id = :id and account_id = :a")
                .bind("id", id).bind("a", accountId).mapTo(Order.class).findOne());
    }

    /** The order's runs, one per vantage. */
    public List<Run> runs(String orderId) {
        return jdbi.withHandle(h -> Runs.ofOrder(h, orderId));
    }

    public Optional<Order> byId(String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_order where id = :id")
                .bind("id", id).mapTo(Order.class).findOne());
    }

    public List<Order> of(long accountId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_order where account_id = :a order by created_at desc, id limit :n")
                .bind("a", accountId).bind("n", limit).mapTo(Order.class).list());
    }

    public List<Order> ofTarget(String targetId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_order where target_id = :t order by created_at desc, id limit :n")
                .bind("t", targetId).bind("n", limit).mapTo(Order.class).list());
    }

    public int countSinceByAccount(long accountId, long since) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from svc_order where account_id = :a and created_at >= :s")
                .bind("a", accountId).bind("s", since).mapTo(Integer.class).one());
    }

    public int countSinceBySource(String sourceIp, long since) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from svc_order where source_ip = :ip and created_at >= :s")
                .bind("ip", sourceIp).bind("s", since).mapTo(Integer.class).one());
    }

    /**
     * queued/running → running when one of its runs starts; false if the order was cancelled or
     * finished meanwhile. The first run's start is the order's.
     */
    public boolean markRunning(String id, long now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update svc_order set status = 'running', error = null, started_at = coalesce(started_at, :now)
                        where id = :id and status in ('queued', 'running')""")
                .bind("now", now).bind("id", id).execute()) > 0;
    }

    /** Ends a queued or running order; false if it had ended already (the first end wins). */
    public boolean finish(String id, String status, @Nullable String error, long now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update svc_order set status = :s, error = :e, finished_at = :now,
                               progress = case when :s = 'done' then 100 else progress end
                        where id = :id and status in ('queued', 'running')""")
                .bind("s", status).bind("e", error).bind("now", now).bind("id", id).execute()) > 0;
    }
}
