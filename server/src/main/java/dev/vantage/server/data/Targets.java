package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.List;
import java.util.Optional;

/** The {@code svc_target} table. Every lookup is by owner: another account's target does not exist. */
public final class Targets {
    private final Jdbi jdbi;

    public Targets(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(OwnedTarget.class));
    }

    /** Adds the host; empty if the account has it already. */
    public Optional<OwnedTarget> insert(OwnedTarget t) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            insert into svc_target (id, account_id, host, challenge, verified_method, verified_at, created_at)
                            values (:id, :accountId, :host, :challenge, :verifiedMethod, :verifiedAt, :createdAt)""")
                    .bindMethods(t).execute());
            return Optional.of(t);
        } catch (UnableToExecuteStatementException e) {
            if (byHost(t.accountId(), t.host()).isPresent()) return Optional.empty();
            throw e;
        }
    }

    public Optional<OwnedTarget> find(long accountId, String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_target where id = :id and account_id = :a")
                .bind("id", id).bind("a", accountId).mapTo(OwnedTarget.class).findOne());
    }

    /** By id alone, for the worker (which acts for the owner recorded on the order). */
    public Optional<OwnedTarget> byId(String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_target where id = :id")
                .bind("id", id).mapTo(OwnedTarget.class).findOne());
    }

    public Optional<OwnedTarget> byHost(long accountId, String host) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_target where host = :host and account_id = :a")
                .bind("host", host).bind("a", accountId).mapTo(OwnedTarget.class).findOne());
    }

    public List<OwnedTarget> of(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_target where account_id = :a order by host")
                .bind("a", accountId).mapTo(OwnedTarget.class).list());
    }

    public void markVerified(String id, String method, long now) {
        jdbi.useHandle(h -> h.createUpdate("update svc_target set verified_method = :m, verified_at = :now where id = :id")
                .bind("m", method).bind("now", now).bind("id", id).execute());
    }

    public boolean delete(long accountId, String id) {
        return jdbi.withHandle(h -> h.createUpdate("delete from svc_target where id = :id and account_id = :a")
                .bind("id", id).bind("a", accountId).execute()) > 0;
    }
}
