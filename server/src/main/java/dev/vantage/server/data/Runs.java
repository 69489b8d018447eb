package dev.vantage.server.data;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * The {@code svc_run} table: an order's runs, one per vantage. Like the order's, every state
 * change is a conditional update, so two workers that both believe they own a run (one of them
 * declared dead while it was only slow) cannot both move it.
 */
public final class Runs {
    private final Jdbi jdbi;

    public Runs(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(Run.class));
    }

    /** Adds the queued runs of a new order (inside the transaction that inserts the order). */
    static void insertQueued(Handle h, String orderId, List<String> vantages) {
        for (String v : vantages) {
            h.createUpdate("insert into svc_run (order_id, vantage, status, progress, attempts) values (:o, :v, 'queued', 0, 0)")
                    .bind("o", orderId).bind("v", v).execute();
        }
    }

    public List<Run> ofOrder(String orderId) {
        return jdbi.withHandle(h -> ofOrder(h, orderId));
    }

    static List<Run> ofOrder(Handle h, String orderId) {
        return h.createQuery("select * from svc_run where order_id = :o order by vantage").bind("o", orderId).mapTo(Run.class).list();
    }

    public Optional<Run> find(String orderId, String vantage) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_run where order_id = :o and vantage = :v")
                .bind("o", orderId).bind("v", vantage).mapTo(Run.class).findOne());
    }

    /** Runs not yet finished whose order is not finished either, for the start-up sweep. */
    public List<Run> unfinished() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select r.* from svc_run r join svc_order o on o.id = r.order_id
                        where r.status in ('queued', 'running') and o.status in ('queued', 'running')""")
                .mapTo(Run.class).list());
    }

    /**
     * Claims a run for this worker: queued/running → running (a revived run is claimed again, and
     * its progress starts over); false when it is finished. The first claim's time is kept, since
     * it is what the queue's claim latency measures.
     */
    public boolean claim(String orderId, String vantage, String worker, long now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update svc_run set status = 'running', progress = 0, error = null, worker = :w, attempts = attempts + 1,
                               started_at = coalesce(started_at, :now)
                        where order_id = :o and vantage = :v and status in ('queued', 'running')""")
                .bind("w", worker).bind("now", now).bind("o", orderId).bind("v", vantage).execute()) > 0;
    }

    /** The run's progress, and the order's as the mean of its runs'. */
    public void setProgress(String orderId, String vantage, int percent) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update svc_run set progress = :p where order_id = :o and vantage = :v and status = 'running'")
                    .bind("p", percent).bind("o", orderId).bind("v", vantage).execute();
            h.createUpdate("""
                            update svc_order set progress = (select sum(progress) / count(*) from svc_run where order_id = :o)
                            where id = :o and status = 'running'""")
                    .bind("o", orderId).execute();
        });
    }

    /** Ends a run as failed; false if it had ended already. */
    public boolean fail(String orderId, String vantage, @Nullable String error, long now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update svc_run set status = 'failed', error = :e, finished_at = :now
                        where order_id = :o and vantage = :v and status in ('queued', 'running')""")
                .bind("e", error).bind("now", now).bind("o", orderId).bind("v", vantage).execute()) > 0;
    }
}
