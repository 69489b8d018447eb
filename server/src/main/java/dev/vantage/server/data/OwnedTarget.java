package dev.vantage.server.data;

import org.jspecify.annotations.Nullable;

/**
 * A host an account wants checked. {@code challenge} is the token for the DNS and HTTP proofs;
 * {@code verifiedMethod} says how control was proven (self, dns, http), null while it is not.
 */
public record OwnedTarget(String id, long accountId, String host, String challenge, @Nullable String verifiedMethod,
                          @Nullable Long verifiedAt, long createdAt) {
    public boolean verified() {
        return verifiedMethod != null;
    }
}
