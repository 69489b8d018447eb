package dev.vantage.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A listener that keeps everything, for assertions. */
final class Collector implements ScanListener {
    final List<PortResult> ports = new ArrayList<>();
    final List<HostResult> hosts = new ArrayList<>();
    ScanPlan plan;
    ScanSummary summary;
    int finishedCalls;

    @Override public void started(ScanPlan p) { plan = p; }
    @Override public void portDone(PortResult r) { ports.add(r); }
    @Override public void hostDone(HostResult h) { hosts.add(h); }
    @Override public void finished(ScanSummary s) { summary = s; finishedCalls++; }

    Map<Integer, PortResult> byPort() {
        Map<Integer, PortResult> m = new TreeMap<>();
        for (PortResult r : ports) m.put(r.port(), r);
        return m;
    }
}
