package dev.vantage.server.service;

import org.jspecify.annotations.Nullable;

/**
 * Something the customer asked for is refused. The web layer turns the {@link Kind} into the
 * HTTP status and the message key into text in the customer's language; {@code detail} is
 * added verbatim (for example the policy parser's line-numbered explanation).
 */
public final class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_MANY(429);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final @Nullable String detail;
    private final long retryAfterSeconds;

    public ServiceException(Kind kind, String messageKey, @Nullable String detail, long retryAfterSeconds) {
        super(messageKey + (detail == null ? "" : ": " + detail), null, false, false);
        this.kind = kind;
        this.messageKey = messageKey;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ServiceException bad(String key) {
        return new ServiceException(Kind.BAD_REQUEST, key, null, 0);
    }

    public static ServiceException bad(String key, String detail) {
        return new ServiceException(Kind.BAD_REQUEST, key, detail, 0);
    }

    public static ServiceException forbidden(String key, @Nullable String detail) {
        return new ServiceException(Kind.FORBIDDEN, key, detail, 0);
    }

    public static ServiceException notFound() {
        return new ServiceException(Kind.NOT_FOUND, "ui.error.not_found", null, 0);
    }

    public static ServiceException tooMany(long retryAfterSeconds) {
        return new ServiceException(Kind.TOO_MANY, "ui.error.too_many", null, Math.max(1, retryAfterSeconds));
    }

    public static ServiceException unauthorized(String key) {
        return new ServiceException(Kind.UNAUTHORIZED, key, null, 0);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public @Nullable String detail() {
        return detail;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
