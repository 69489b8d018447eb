package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.List;

/** The {@code svc_audit} table: who checked what and when, logins and failed logins included. */
public final class AuditLog {
    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        jdbi.registerRowMapper(ConstructorMapper.factory(AuditEntry.class));
    }

    public void record(@Nullable Long accountId, @Nullable String sourceIp, String action, @Nullable String subject,
                       @Nullable String detail) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into svc_audit (at, account_id, source_ip, action, subject, detail)
                        values (:at, :a, :ip, :action, :subject, :detail)""")
                .bind("at", clock.millis()).bind("a", accountId).bind("ip", sourceIp).bind("action", action)
                .bind("subject", cut(subject, 300)).bind("detail", cut(detail, 1000)).execute());
    }

    public List<AuditEntry> of(long accountId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_audit where account_id = :a order by at desc, id desc limit :n")
                .bind("a", accountId).bind("n", limit).mapTo(AuditEntry.class).list());
    }

    public List<AuditEntry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_audit order by at desc, id desc limit :n")
                .bind("n", limit).mapTo(AuditEntry.class).list());
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
