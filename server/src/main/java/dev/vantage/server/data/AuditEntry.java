package dev.vantage.server.data;

import org.jspecify.annotations.Nullable;

/** One line of the audit log: who did what, to what, when, from where. */
public record AuditEntry(long id, long at, @Nullable Long accountId, @Nullable String sourceIp, String action,
                         @Nullable String subject, @Nullable String detail) {}
