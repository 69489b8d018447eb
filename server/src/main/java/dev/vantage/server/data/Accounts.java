package dev.vantage.server.data;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.Optional;

/** The {@code svc_account} table. */
public final class Accounts {
    private final Jdbi jdbi;

    public Accounts(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(Account.class));
    }

    /** Creates the account; empty if the e-mail address is taken. */
    public Optional<Account> create(String email, String passwordHash, String lang, long now) {
        try {
            long id = jdbi.withHandle(h -> h.createUpdate(
                            "insert into svc_account (email, password_hash, lang, created_at) values (:email, :hash, :lang, :now)")
                    .bind("email", email).bind("hash", passwordHash).bind("lang", lang).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return Optional.of(new Account(id, email, passwordHash, lang, now));
        } catch (UnableToExecuteStatementException e) {
            if (byEmail(email).isPresent()) return Optional.empty();
            throw e;
        }
    }

    public Optional<Account> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_account where email = :email")
                .bind("email", email).mapTo(Account.class).findOne());
    }

    public Optional<Account> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("select * from svc_account where id = :id")
                .bind("id", id).mapTo(Account.class).findOne());
    }

    public void setPassword(long id, String hash) {
        jdbi.useHandle(h -> h.createUpdate("update svc_account set password_hash = :hash where id = :id")
                .bind("hash", hash).bind("id", id).execute());
    }

    public void setLang(long id, String lang) {
        jdbi.useHandle(h -> h.createUpdate("update svc_account set lang = :lang where id = :id")
                .bind("lang", lang).bind("id", id).execute());
    }
}
