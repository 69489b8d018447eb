package dev.vantage.result;

import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;

/**
 * Receives a check run's results host by host, in the order the targets were given. Calls are
 * serialised (never concurrent) and every method has a no-op default.
 */
public interface ResultListener {
    default void started(ScanPlan plan) {}

    default void host(HostReport host) {}

    default void finished(ScanSummary summary) {}
}
