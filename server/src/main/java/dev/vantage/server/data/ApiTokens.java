package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code svc_api_token} table: tokens are stored as their SHA-256 only. */
public final class ApiTokens {
    private final Jdbi jdbi;

    public ApiTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(ApiToken.class));
    }

    public long insert(long accountId, String name, String tokenHash, String hint, long now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        insert into svc_api_token (account_id, name, token_hash, hint, created_at)
                        values (:a, :name, :hash, :hint, :now)""")
                .bind("a", accountId).bind("name", name).bind("hash", tokenHash).bind("hint", hint).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /**
     * The account a token belongs to. The use is recorded at most once a minute: a script polling
     * an order would otherwise write the same row on every request, and such writes queue up.
     */
    public Optional<Long> accountFor(String tokenHash, long now) {
        return jdbi.withHandle(h -> {
            Optional<Map<String, Object>> row = h.createQuery("select account_id, last_used_at from svc_api_token where token_hash = :hash")
                    .bind("hash", tokenHash).mapToMap().findOne();
            if (row.isEmpty()) return Optional.<Long>empty();
            Object last = row.get().get("last_used_at");
            if (last == null || ((Number) last).longValue() < now - 60_000) {
                h.createUpdate("update svc_api_token set last_used_at = :now where token_hash = :hash")
                        .bind("now", now).bind("hash", tokenHash).execute();
            }
            return Optional.of(((Number) row.get().get("account_id")).longValue());
        });
    }

    public List<ApiToken> of(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, account_id, name, hint, created_at, last_used_at from svc_api_token
                        where account_id = :a order by created_at desc, id desc""")
                .bind("a", accountId).mapTo(ApiToken.class).list());
    }

    /** Revokes one of the account's tokens; false if it has no such token. */
    public boolean delete(long accountId, long id) {
        return jdbi.withHandle(h -> h.createUpdate("delete from svc_api_token where id = :id and account_id = :a")
                .bind("id", id).bind("a", accountId).execute()) > 0;
    }
}
