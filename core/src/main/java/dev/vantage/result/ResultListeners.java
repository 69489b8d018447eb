package dev.vantage.result;

import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.target.Target;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** Combinators for {@link ResultListener}. */
public final class ResultListeners {
    private ResultListeners() {}

    /** Sends every event to {@code first}, then to {@code second}. */
    public static ResultListener both(ResultListener first, ResultListener second) {
        return new ResultListener() {
            @Override public void started(ScanPlan plan) { first.started(plan); second.started(plan); }
            @Override public void prepare(Target t, List<@Nullable PortReport> soFar) {
                first.prepare(t, soFar);
                second.prepare(t, soFar);
            }
            @Override public void host(HostReport host) { first.host(host); second.host(host); }
            @Override public void finished(ScanSummary summary) { first.finished(summary); second.finished(summary); }
        };
    }
}
