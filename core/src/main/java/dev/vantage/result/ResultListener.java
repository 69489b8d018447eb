package dev.vantage.result;

import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.target.Target;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Receives a check run's results host by host, in the order the targets were given. Calls are
 * serialised (never concurrent), except {@link #prepare}, and every method has a no-op default.
 */
public interface ResultListener {
    default void started(ScanPlan plan) {}

    /**
     * A head start for a full listing (--show-all), which may come before {@link #host} of the
     * same host while only a few ports are still undecided: the ports decided so far, in port
     * order, with null for a port without a verdict yet. What {@code host} then gets is the whole
     * truth; anything prepared here may only save work, never change the output. May run
     * concurrently with the other methods (for other hosts); it returns before {@code host} of
     * the same host is called.
     */
    default void prepare(Target target, List<@Nullable PortReport> decidedSoFar) {}

    default void host(HostReport host) {}

    default void finished(ScanSummary summary) {}
}
