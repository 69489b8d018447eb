package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The {@code svc_result} table, and the one transaction that ends a run: store its result, mark
 * it done, and — when it was the order's last open run — compose the report and finish the order.
 *
 * <p>The transaction first locks the order's row (an update that changes nothing). That makes the
 * runs of one order end one after the other, so exactly one of them sees "no run left" and writes
 * the report, and a second result for the same run (a revived run whose first worker was only
 * slow, not dead) is noticed before it is written. The unique key on (order, vantage) is the
 * backstop: a write that slips past is refused by the database and rolls the transaction back.
 */
public final class Results {
    /** What ending a run did. */
    public enum Outcome {
        /** Stored; other runs of the order are still open. */
        STORED,
        /** Stored, and the report written: the order is done. */
        REPORTED,
        /** Not stored: this run had a result already. */
        DUPLICATE,
        /** Not stored: the order was cancelled or failed meanwhile. */
        ORDER_ENDED
    }

    /** Builds the report of an order from the results of all its runs, inside the transaction. */
    public interface Composer {
        Report compose(List<VantageResult> results);
    }

    /** The composed report: its row and its JSON. */
    public record Report(ReportInfo info, String json) {}

    private final Jdbi jdbi;

    public Results(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Outcome store(String orderId, String vantage, String json, @Nullable String worker, long now, Composer composer) {
        return jdbi.inTransaction(h -> {
            int live = h.createUpdate("update svc_order set status = status where id = :id and status = 'running'")
                    .bind("id", orderId).execute();
            if (live == 0) return Outcome.ORDER_ENDED;
            int have = h.createQuery("select count(*) from svc_result where order_id = :o and vantage = :v")
                    .bind("o", orderId).bind("v", vantage).mapTo(Integer.class).one();
            if (have > 0) return Outcome.DUPLICATE;
            h.createUpdate("insert into svc_result (order_id, vantage, worker, result_json, created_at) values (:o, :v, :w, :j, :now)")
                    .bind("o", orderId).bind("v", vantage).bind("w", worker).bind("j", json).bind("now", now).execute();
            h.createUpdate("""
                            update svc_run set status = 'done', progress = 100, error = null, finished_at = :now
                            where order_id = :o and vantage = :v""")
                    .bind("now", now).bind("o", orderId).bind("v", vantage).execute();
            boolean open = Runs.ofOrder(h, orderId).stream().anyMatch(r -> !r.status().equals(Run.DONE));
            if (open) {
                h.createUpdate("""
                                update svc_order set progress = (select sum(progress) / count(*) from svc_run where order_id = :o)
                                where id = :o""")
                        .bind("o", orderId).execute();
                return Outcome.STORED;
            }
            List<VantageResult> all = h.createQuery("select vantage, result_json from svc_result where order_id = :o order by vantage")
                    .bind("o", orderId).map((rs, ctx) -> new VantageResult(rs.getString(1), rs.getString(2))).list();
            Report report = composer.compose(all);
            Reports.insert(h, report.info(), report.json());
            h.createUpdate("update svc_order set status = 'done', progress = 100, error = null, finished_at = :now where id = :o")
                    .bind("now", now).bind("o", orderId).execute();
            return Outcome.REPORTED;
        });
    }

    /** The results of an order, by vantage. */
    public List<VantageResult> ofOrder(String orderId) {
        return jdbi.withHandle(h -> h.createQuery("select vantage, result_json from svc_result where order_id = :o order by vantage")
                .bind("o", orderId).map((rs, ctx) -> new VantageResult(rs.getString(1), rs.getString(2))).list());
    }
}
