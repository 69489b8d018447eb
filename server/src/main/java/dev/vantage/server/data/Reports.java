package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.util.List;
import java.util.Optional;

/** The {@code svc_report} table: one report per finished order (its runs' results, composed). */
public final class Reports {
    private static final String COLUMNS = "id, order_id, account_id, target_id, highest_risk, open_ports, findings, created_at";
    private final Jdbi jdbi;

    public Reports(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(ReportInfo.class));
    }

    /** Writes a report row (inside the transaction that finishes its order: {@link Results#store}). */
    static void insert(org.jdbi.v3.core.Handle h, ReportInfo r, String json) {
        h.createUpdate("""
                        insert into svc_report (id, order_id, account_id, target_id, result_json, highest_risk, open_ports,
                                                findings, created_at)
                        values (:id, :orderId, :accountId, :targetId, :json, :highestRisk, :openPorts, :findings, :createdAt)""")
                .bindMethods(r).bind("json", json).execute();
    }

    public Optional<ReportInfo> find(long accountId, String id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from svc_report where id = :id and account_id = :a")
                .bind("id", id).bind("a", accountId).mapTo(ReportInfo.class).findOne());
    }

    public Optional<ReportInfo> byId(String id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from svc_report where id = :id")
                .bind("id", id).mapTo(ReportInfo.class).findOne());
    }

    public Optional<ReportInfo> forOrder(String orderId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from svc_report where order_id = :o")
                .bind("o", orderId).mapTo(ReportInfo.class).findOne());
    }

    public String json(String id) {
        return jdbi.withHandle(h -> h.createQuery("select result_json from svc_report where id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    /** The target's reports, newest first. */
    public List<ReportInfo> history(String targetId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from svc_report where target_id = :t order by created_at desc, id limit :n")
                .bind("t", targetId).bind("n", limit).mapTo(ReportInfo.class).list());
    }

    /** The report of the same target just before this one, if any. */
    public Optional<ReportInfo> previous(ReportInfo r) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from svc_report"
                        + " where target_id = :t and (created_at < :c or (created_at = :c and id < :id))"
                        + " order by created_at desc, id desc limit 1")
                .bind("t", r.targetId()).bind("c", r.createdAt()).bind("id", r.id()).mapTo(ReportInfo.class).findOne());
    }

    public List<ReportInfo> of(long accountId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from svc_report where account_id = :a order by created_at desc, id limit :n")
                .bind("a", accountId).bind("n", limit).mapTo(ReportInfo.class).list());
    }
}
