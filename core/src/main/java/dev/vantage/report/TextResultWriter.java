package dev.vantage.report;

import dev.vantage.check.Finding;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortReport;
import dev.vantage.result.ResultListener;
import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.NamedPortSets;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The terminal view: per host, a table of the ports that answer, what answers there, then what
 * the checks found, and how many ports are closed and filtered; a total line at the end.
 * A service name guessed from the port number alone is marked with "?", as nmap does.
 */
public final class TextResultWriter implements ResultListener {
    private static final int MAX_RANGE_TEXT = 72;
    private final PrintStream out;
    private final RunInfo run;

    public TextResultWriter(PrintStream out, RunInfo run) {
        this.out = out;
        this.run = run;
    }

    @Override
    public void started(ScanPlan plan) {
        out.printf(Locale.ROOT, "Vantage check, level %d: %d %s, %d %s %s each (%s)%n%n", run.level(),
                plan.hosts(), plan.hosts() == 1 ? "address" : "addresses", plan.portsPerHost(),
                plan.protocol().label().toUpperCase(Locale.ROOT), plan.portsPerHost() == 1 ? "port" : "ports",
                abbreviate(run.ports()));
    }

    @Override
    public void host(HostReport h) {
        out.println(h.target());
        if (h.ports().isEmpty()) {
            out.println("  no port answers");
        } else {
            out.printf(Locale.ROOT, "  %-10s %-16s %-15s %-8s %s%n", "PORT", "STATE", "REASON", "RTT", "SERVICE");
            for (PortReport p : h.ports()) {
                out.printf(Locale.ROOT, "  %-10s %-16s %-15s %-8s %s%n", p.port() + "/" + p.protocol().label(),
                        p.state().label(), p.reason().label(),
                        p.rttMicros() < 0 ? "-" : String.format(Locale.ROOT, "%.1fms", p.rttMicros() / 1000.0), service(p));
            }
            for (PortReport p : h.ports()) {
                for (Finding f : p.findings()) {
                    out.printf(Locale.ROOT, "  ! %d/%s %s: %s%n", p.port(), p.protocol().label(), f.id(), f.evidence());
                }
                for (String n : p.notes()) out.printf(Locale.ROOT, "  ? %d/%s %s%n", p.port(), p.protocol().label(), n);
            }
        }
        StateCounts c = h.counts();
        out.printf(Locale.ROOT, "  closed: %d%s   filtered: %d%s%n%n", c.closed(), ranges(c.closed(), h.closed()),
                c.filtered(), ranges(c.filtered(), h.filtered()));
        out.flush();
    }

    private static String service(PortReport p) {
        if (p.service() != null) {
            String s = p.service().name();
            String product = p.service().describe();
            if (p.service().tls() && !s.equals("tls")) s = s + "/tls";
            return product.equals(p.service().name()) ? s : s + "  " + product;
        }
        return NamedPortSets.label(p.port()).map(l -> l + "?").orElse("-");
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
