package dev.vantage.server.service;

import dev.vantage.server.data.Session;
import dev.vantage.server.data.Sessions;
import dev.vantage.server.security.Secrets;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Browser sessions. The cookie carries a 256-bit secret; the table keeps its digest, the account
 * (null before login) and the CSRF token of the synchronizer pattern. A login always starts a
 * new session (no fixation); a password change ends every other session of the account.
 */
public final class SessionService {
    /** A session with its secret, as just created (the secret goes into the cookie, once). */
    public record Opened(String secret, Session session) {}

    public static final Duration VISITOR_LIFETIME = Duration.ofHours(2);
    public static final Duration LOGIN_LIFETIME = Duration.ofDays(7);

    private final Sessions sessions;
    private final Clock clock;

    public SessionService(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public Opened open(@Nullable Long accountId) {
        String secret = Secrets.newSecret();
        long now = clock.millis();
        Duration life = accountId == null ? VISITOR_LIFETIME : LOGIN_LIFETIME;
        Session s = new Session(Secrets.digest(secret), accountId, Secrets.newSecret(), now, now + life.toMillis());
        sessions.insert(s);
        return new Opened(secret, s);
    }

    public Optional<Session> find(@Nullable String secret) {
        if (secret == null || secret.length() != 43) return Optional.empty();
        return sessions.find(Secrets.digest(secret), clock.millis());
    }

    public void end(Session s) {
        sessions.delete(s.idHash());
    }

    public void endOthers(long accountId, Session keep) {
        sessions.deleteAllOf(accountId, keep.idHash());
    }

    public int purgeExpired() {
        return sessions.deleteExpired(clock.millis());
    }
}
