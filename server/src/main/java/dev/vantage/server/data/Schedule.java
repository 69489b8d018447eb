package dev.vantage.server.data;

import org.jspecify.annotations.Nullable;

/**
 * A check repeated daily or weekly; changes are announced by e-mail and/or a webhook.
 * {@code vantages}: where its checks run ("outside,allowed", "all"), null for the service's own.
 */
public record Schedule(String id, long accountId, String targetId, String period, int level, @Nullable String ports,
                       @Nullable String policy, boolean notifyEmail, @Nullable String webhookUrl, long nextRunAt,
                       long createdAt, @Nullable String vantages) {
    public static final String DAILY = "daily";
    public static final String WEEKLY = "weekly";

    public long periodMillis() {
        return (period.equals(WEEKLY) ? 7L : 1L) * 24 * 3600 * 1000;
    }

    /** The vantages as a list (empty: the service's own). */
    public java.util.List<String> vantageList() {
        return vantages == null ? java.util.List.of() : java.util.List.of(vantages.split(","));
    }
}
