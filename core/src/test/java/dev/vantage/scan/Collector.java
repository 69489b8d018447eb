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
    /** Per hostSettling call: the host, and how many of its ports were done by then (-1: after its hostDone). */
    final List<dev.vantage.target.Target> settling = new ArrayList<>();
    final List<Integer> doneWhenSettling = new ArrayList<>();

    @Override public void started(ScanPlan p) { plan = p; }
    @Override public void portDone(PortResult r) { ports.add(r); }
    @Override public void hostDone(HostResult h) { hosts.add(h); }
    @Override public void hostSettling(dev.vantage.target.Target t) {
        settling.add(t);
        boolean over = hosts.stream().anyMatch(h -> h.target().equals(t));
        doneWhenSettling.add(over ? -1 : (int) ports.stream().filter(r -> r.target().equals(t)).count());
    }
    @Override public void finished(ScanSummary s) { summary = s; finishedCalls++; }

    Map<Integer, PortResult> byPort() {
        Map<Integer, PortResult> m = new TreeMap<>();
        for (PortResult r : ports) m.put(r.port(), r);
        return m;
    }
}
