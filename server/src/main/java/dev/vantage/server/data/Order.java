package dev.vantage.server.data;

import org.jspecify.annotations.Nullable;

/** An ordered check of one target. */
public record Order(String id, long accountId, String targetId, @Nullable String scheduleId, int level,
                    @Nullable String ports, @Nullable String policy, String status, int progress, @Nullable String error,
                    @Nullable String sourceIp, long createdAt, @Nullable Long startedAt, @Nullable Long finishedAt) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public boolean finished() {
        return status.equals(DONE) || status.equals(FAILED) || status.equals(CANCELLED);
    }
}
