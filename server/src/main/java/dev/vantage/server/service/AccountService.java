package dev.vantage.server.service;

import dev.vantage.server.data.Account;
import dev.vantage.server.data.Accounts;
import dev.vantage.server.data.ApiToken;
import dev.vantage.server.data.ApiTokens;
import dev.vantage.server.data.AuditLog;
import dev.vantage.server.security.PasswordHasher;
import dev.vantage.server.security.RateLimiter;
import dev.vantage.server.security.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts: sign-up, login (with limits per source address and per account), password change,
 * and API tokens (shown once, stored as a digest).
 */
public final class AccountService {
    public static final int MIN_PASSWORD = 10;
    public static final String TOKEN_PREFIX = "vt_";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>\\p{Cntrl}]{1,64}@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    /** A new API token: the secret (shown once) and its listing. */
    public record NewToken(String secret, ApiToken token) {}

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final RateLimiter loginsPerAddress;
    private final RateLimiter failuresPerAccount;
    private final RateLimiter signupsPerAddress;

    public AccountService(Accounts accounts, ApiTokens tokens, AuditLog audit, PasswordHasher hasher, Limits limits, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
        this.loginsPerAddress = new RateLimiter(limits.loginAttemptsPerAddress(), Duration.ofMinutes(15), clock);
        this.failuresPerAccount = new RateLimiter(limits.loginFailuresPerAccount(), Duration.ofMinutes(15), clock);
        this.signupsPerAddress = new RateLimiter(limits.signupsPerAddress(), Duration.ofHours(1), clock);
    }

    public Account signUp(String rawEmail, String password, String lang, String sourceIp) {
        String email = normaliseEmail(rawEmail);
        checkNewPassword(password);
        if (!signupsPerAddress.tryAcquire(sourceIp)) throw ServiceException.tooMany(signupsPerAddress.retryAfterSeconds(sourceIp));
        Account a = accounts.create(email, hasher.hash(password), lang.equals("ja") ? "ja" : "en", clock.millis())
                .orElseThrow(() -> new ServiceException(ServiceException.Kind.CONFLICT, "ui.signup.taken", null, 0));
        audit.record(a.id(), sourceIp, "signup", email, null);
        return a;
    }

    /** The account for these credentials; every failure looks the same to the caller. */
    public Account login(String rawEmail, String password, String sourceIp) {
        String email = rawEmail.strip().toLowerCase(Locale.ROOT);
        if (!loginsPerAddress.tryAcquire(sourceIp)) {
            audit.record(null, sourceIp, "login-limited", email, "too many attempts from this address");
            throw ServiceException.tooMany(loginsPerAddress.retryAfterSeconds(sourceIp));
        }
        if (!failuresPerAccount.allows(email)) {
            audit.record(null, sourceIp, "login-limited", email, "too many failures for this account");
            throw ServiceException.tooMany(failuresPerAccount.retryAfterSeconds(email));
        }
        if (password.length() > PasswordHasher.MAX_PASSWORD_CHARS || email.length() > 254) {
            throw ServiceException.unauthorized("ui.login.failed");
        }
        Optional<Account> found = accounts.byEmail(email);
        boolean ok;
        if (found.isPresent()) {
            ok = hasher.verify(password, found.get().passwordHash());
        } else {
            hasher.verifyDummy(password);
            ok = false;
        }
        if (!ok) {
            failuresPerAccount.record(email);
            audit.record(found.map(Account::id).orElse(null), sourceIp, "login-failed", email, null);
            throw ServiceException.unauthorized("ui.login.failed");
        }
        failuresPerAccount.reset(email);
        audit.record(found.get().id(), sourceIp, "login", email, null);
        return found.get();
    }

    public void changePassword(Account a, String current, String next, String sourceIp) {
        if (!failuresPerAccount.allows(a.email())) throw ServiceException.tooMany(failuresPerAccount.retryAfterSeconds(a.email()));
        Account fresh = accounts.byId(a.id()).orElseThrow(ServiceException::notFound);
        if (current.length() > PasswordHasher.MAX_PASSWORD_CHARS || !hasher.verify(current, fresh.passwordHash())) {
            failuresPerAccount.record(a.email());
            audit.record(a.id(), sourceIp, "password-change-failed", a.email(), null);
            throw ServiceException.forbidden("ui.password.wrong", null);
        }
        checkNewPassword(next);
        accounts.setPassword(a.id(), hasher.hash(next));
        audit.record(a.id(), sourceIp, "password-change", a.email(), null);
    }

    public void setLanguage(Account a, String lang) {
        accounts.setLang(a.id(), lang.equals("ja") ? "ja" : "en");
    }

    public Optional<Account> byId(long id) {
        return accounts.byId(id);
    }

    public NewToken createToken(Account a, String rawName, String sourceIp) {
        String name = rawName == null || rawName.isBlank() ? "token" : rawName.strip();
        if (name.length() > 100) throw ServiceException.bad("ui.token.name_long");
        if (tokens.of(a.id()).size() >= 50) throw ServiceException.bad("ui.token.too_many");
        String secret = TOKEN_PREFIX + Secrets.newSecret();
        String hint = secret.substring(0, 9);
        long now = clock.millis();
        long id = tokens.insert(a.id(), name, Secrets.digest(secret), hint, now);
        audit.record(a.id(), sourceIp, "token-create", name, hint + "…");
        return new NewToken(secret, new ApiToken(id, a.id(), name, hint, now, null));
    }

    public List<ApiToken> tokens(Account a) {
        return tokens.of(a.id());
    }

    public void revokeToken(Account a, long id, String sourceIp) {
        if (!tokens.delete(a.id(), id)) throw ServiceException.notFound();
        audit.record(a.id(), sourceIp, "token-revoke", String.valueOf(id), null);
    }

    /** The account an API token (from an Authorization header) belongs to. */
    public Optional<Account> byToken(String secret) {
        if (!secret.startsWith(TOKEN_PREFIX) || secret.length() != TOKEN_PREFIX.length() + 43) return Optional.empty();
        return tokens.accountFor(Secrets.digest(secret), clock.millis()).flatMap(accounts::byId);
    }

    static String normaliseEmail(String raw) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) throw ServiceException.bad("ui.signup.bad_email");
        return email;
    }

    static void checkNewPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) throw ServiceException.bad("ui.password.too_short");
        if (password.length() > PasswordHasher.MAX_PASSWORD_CHARS) throw ServiceException.bad("ui.password.too_long");
    }
}
