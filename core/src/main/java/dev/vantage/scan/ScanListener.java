package dev.vantage.scan;

/**
 * Receives what a scan learns, as it learns it. Every method has a no-op default, so a listener
 * overrides only what it needs (progress bar, report builder, database writer).
 *
 * <p>Threading: the engine calls a listener from its own threads but <em>never concurrently</em>
 * (calls are serialised), so implementations need no locking of their own. They must return
 * quickly and must not block: the scan waits for them.
 */
public interface ScanListener {

    /** Once, before the first probe: the size of the job. */
    default void started(ScanPlan plan) {}

    /** Once per port, in no particular order. */
    default void portDone(PortResult result) {}

    /**
     * At most once per address, before its {@link #hostDone}: every port is decided except the
     * ones whose connections are being watched for an at-once close (open or open-restricted;
     * rarely closed), whose verdicts come within the watch - the scan's quiet tail, which a
     * listener may use to prepare its output. A hint: nothing may depend on receiving it.
     */
    default void hostSettling(dev.vantage.target.Target target) {}

    /** Once per address, after its last {@link #portDone}; addresses finish in no particular order. */
    default void hostDone(HostResult host) {}

    /** Once, at the end. */
    default void finished(ScanSummary summary) {}

    /** Sends every event to each listener in turn. */
    static ScanListener all(ScanListener... listeners) {
        return new ScanListener() {
            @Override public void started(ScanPlan plan) { for (ScanListener l : listeners) l.started(plan); }
            @Override public void portDone(PortResult r) { for (ScanListener l : listeners) l.portDone(r); }
            @Override public void hostSettling(dev.vantage.target.Target t) { for (ScanListener l : listeners) l.hostSettling(t); }
            @Override public void hostDone(HostResult h) { for (ScanListener l : listeners) l.hostDone(h); }
            @Override public void finished(ScanSummary s) { for (ScanListener l : listeners) l.finished(s); }
        };
    }
}
