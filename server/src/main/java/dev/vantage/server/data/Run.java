package dev.vantage.server.data;

import org.jspecify.annotations.Nullable;

/**
 * One order checked from one vantage: the unit of work a worker of that vantage claims.
 * {@code vantage} is "" for the unnamed vantage (a local worker started without {@code --vantage}).
 */
public record Run(String orderId, String vantage, String status, int progress, @Nullable String error,
                  @Nullable String worker, int attempts, @Nullable Long startedAt, @Nullable Long finishedAt) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean finished() {
        return status.equals(DONE) || status.equals(FAILED);
    }
}
