package dev.vantage.report;

import dev.vantage.scan.HostResult;
import dev.vantage.scan.PortResult;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.NamedPortSets;
import dev.vantage.target.Target;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The terminal view: per host, a table of the ports that answer (open and open-restricted), then
 * how many are closed and filtered; a one-line total at the end. Written host by host while the
 * scan runs. {@code showAll} lists closed and filtered ports in the table too.
 */
public final class ScanTextWriter implements ScanListener {
    private static final int MAX_RANGE_TEXT = 72;
    private final PrintStream out;
    private final OrderedHosts hosts;
    private final RunInfo run;

    public ScanTextWriter(PrintStream out, RunInfo run, List<Target> targets, boolean showAll) {
        this.out = out;
        this.run = run;
        this.hosts = new OrderedHosts(targets, showAll, this::writeHost);
    }

    @Override
    public void started(ScanPlan plan) {
        out.printf(Locale.ROOT, "Vantage check, level %d: %d %s, %d %s %s each (%s)%n%n", run.level(),
                plan.hosts(), plan.hosts() == 1 ? "address" : "addresses", plan.portsPerHost(),
                plan.protocol().label().toUpperCase(Locale.ROOT), plan.portsPerHost() == 1 ? "port" : "ports",
                abbreviate(run.ports()));
    }

    @Override
    public void portDone(PortResult result) {
        hosts.port(result);
    }

    @Override
    public void hostDone(HostResult host) {
        hosts.host(host);
    }

    private void writeHost(HostResult h, List<PortResult> ports) {
        out.println(h.target());
        if (ports.isEmpty()) {
            out.println("  no port answers");
        } else {
            out.printf(Locale.ROOT, "  %-10s %-16s %-14s %-15s %s%n", "PORT", "STATE", "SERVICE", "REASON", "RTT");
            for (PortResult p : ports) {
                out.printf(Locale.ROOT, "  %-10s %-16s %-14s %-15s %s%n", p.port() + "/" + p.protocol().label(),
                        p.state().label(), NamedPortSets.label(p.port()).orElse("-"), p.reason().label(),
                        p.rttMicros() < 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", p.rttMillis()));
            }
        }
        StateCounts c = h.counts();
        out.printf(Locale.ROOT, "  closed: %d%s   filtered: %d%s%n%n", c.closed(), ranges(c.closed(), h.closed()),
                c.filtered(), ranges(c.filtered(), h.filtered()));
        out.flush();
    }

    private static String ranges(int count, String ranges) {
        return count == 0 ? "" : " (" + abbreviate(ranges) + ")";
    }

    private static String abbreviate(String text) {
        if (text.length() <= MAX_RANGE_TEXT) return text;
        int cut = text.lastIndexOf(',', MAX_RANGE_TEXT);
        return text.substring(0, cut > 0 ? cut : MAX_RANGE_TEXT) + ",…";
    }

    @Override
    public void finished(ScanSummary s) {
        StateCounts c = s.counts();
        out.printf(Locale.ROOT, "Done: %d %s in %.1f s: %d open, %d open-restricted, %d closed, %d filtered"
                        + " (%d attempts, %d retransmitted).%n",
                s.hosts(), s.hosts() == 1 ? "address" : "addresses", s.elapsedMillis() / 1000.0, c.open(),
                c.openRestricted(), c.closed(), c.filtered(), s.attempts(), s.retransmissions());
        out.flush();
    }
}
