package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * The {@code svc_worker} table: which worker processes exist and at which vantage. Each worker
 * writes its row when it starts and again at every heartbeat; "all" in an order means the
 * vantages with a worker seen within the freshness window.
 */
public final class Workers {
    private final Jdbi jdbi;

    public Workers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records that this worker is alive (inserting its row the first time). */
    public void beat(String id, String vantage, int jobs, long now) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("update svc_worker set last_seen = :now, vantage = :v, jobs = :j where id = :id")
                    .bind("now", now).bind("v", vantage).bind("j", jobs).bind("id", id).execute();
            if (n == 0) {
                h.createUpdate("insert into svc_worker (id, vantage, jobs, started_at, last_seen) values (:id, :v, :j, :now, :now)")
                        .bind("id", id).bind("v", vantage).bind("j", jobs).bind("now", now).execute();
            }
        });
    }

    /** A worker that stops says so, so that 'all' stops counting its vantage at once. */
    public void gone(String id) {
        jdbi.useHandle(h -> h.createUpdate("update svc_worker set last_seen = 0 where id = :id").bind("id", id).execute());
    }

    /** The vantages with a worker seen at or after {@code since}, by name. */
    public List<String> liveVantages(long since) {
        return jdbi.withHandle(h -> h.createQuery("select distinct vantage from svc_worker where last_seen >= :s order by vantage")
                .bind("s", since).mapTo(String.class).list());
    }

    /** Whether a worker of this vantage has ever registered (a named vantage must exist to be ordered). */
    public boolean known(String vantage) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from svc_worker where vantage = :v")
                .bind("v", vantage).mapTo(Integer.class).one()) > 0;
    }

    /** Forgets workers not seen since {@code before} (housekeeping). */
    public int forget(long before) {
        return jdbi.withHandle(h -> h.createUpdate("delete from svc_worker where last_seen < :b and started_at < :b")
                .bind("b", before).execute());
    }
}
