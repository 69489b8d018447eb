package dev.vantage.server.data;

import org.jspecify.annotations.Nullable;

/** An API token as listed to its owner: never the token itself, only a hint of its first characters. */
public record ApiToken(long id, long accountId, String name, String hint, long createdAt, @Nullable Long lastUsedAt) {}
