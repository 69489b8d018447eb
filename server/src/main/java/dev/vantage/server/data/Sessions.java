package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/** The {@code svc_session} table; sessions are looked up by the SHA-256 of the cookie's secret. */
public final class Sessions {
    private final Jdbi jdbi;

    public Sessions(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(Session.class));
    }

    public void insert(Session s) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into svc_session (id_hash, account_id, csrf, created_at, expires_at)
                        values (:idHash, :accountId, :csrf, :createdAt, :expiresAt)""")
                .bindMethods(s).execute());
    }

    public Optional<Session> find(String idHash, long now) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_session where id_hash = :id and expires_at > :now")
                .bind("id", idHash).bind("now", now).mapTo(Session.class).findOne());
    }

    public void delete(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("delete from svc_session where id_hash = :id").bind("id", idHash).execute());
    }

    /** Ends every session of an account (after a password change), except one if given. */
    public void deleteAllOf(long accountId, @Nullable String exceptIdHash) {
        jdbi.useHandle(h -> h.createUpdate("delete from svc_session where account_id = :a and id_hash <> :keep")
                .bind("a", accountId).bind("keep", exceptIdHash == null ? "" : exceptIdHash).execute());
    }

    public int deleteExpired(long now) {
        return jdbi.withHandle(h -> h.createUpdate("delete from svc_session where expires_at <= :now").bind("now", now).execute());
    }
}
