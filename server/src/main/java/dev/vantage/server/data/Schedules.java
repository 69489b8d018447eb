package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.util.List;
import java.util.Optional;

/** The {@code svc_schedule} table. */
public final class Schedules {
    private final Jdbi jdbi;

    public Schedules(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(Schedule.class));
    }

    public void insert(Schedule s) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into svc_schedule (id, account_id, target_id, period, level, ports, policy, notify_email,
                                                  webhook_url, next_run_at, created_at, vantages)
                        values (:id, :accountId, :targetId, :period, :level, :ports, :policy, :notifyEmail,
                                :webhookUrl, :nextRunAt, :createdAt, :vantages)""")
                .bindMethods(s).execute());
    }

    public Optional<Schedule> find(long accountId, String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_schedule where id = :id and account_id = :a")
                .bind("id", id).bind("a", accountId).mapTo(Schedule.class).findOne());
    }

    public Optional<Schedule> byId(String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_schedule where id = :id")
                .bind("id", id).mapTo(Schedule.class).findOne());
    }

    public List<Schedule> of(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_schedule where account_id = :a order by created_at")
                .bind("a", accountId).mapTo(Schedule.class).list());
    }

    public List<Schedule> ofTarget(String targetId) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_schedule where target_id = :t order by created_at")
                .bind("t", targetId).mapTo(Schedule.class).list());
    }

    public List<Schedule> due(long now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_schedule where next_run_at <= :now order by next_run_at limit :n")
                .bind("now", now).bind("n", limit).mapTo(Schedule.class).list());
    }

    /** Moves the next run on, if nobody else did (two workers never both start the same run). */
    public boolean advance(String id, long expectedNextRun, long newNextRun) {
        return jdbi.withHandle(h -> h.createUpdate("update svc_schedule set next_run_at = :n where id = :id and next_run_at = :e")
                .bind("n", newNextRun).bind("id", id).bind("e", expectedNextRun).execute()) > 0;
    }

    public boolean delete(long accountId, String id) {
        return jdbi.withHandle(h -> h.createUpdate("delete from svc_schedule where id = :id and account_id = :a")
                .bind("id", id).bind("a", accountId).execute()) > 0;
    }
}
