package dev.vantage.server.data;

import org.jspecify.annotations.Nullable;

/** A browser session: {@code accountId} is null before login (the session then only carries the CSRF token). */
public record Session(String idHash, @Nullable Long accountId, String csrf, long createdAt, long expiresAt) {
    public boolean loggedIn() {
        return accountId != null;
    }
}
