package dev.vantage.report;

import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.Assessor;
import dev.vantage.assess.CheckReport;
import dev.vantage.result.HostReport;
import dev.vantage.result.ResultListener;
import dev.vantage.scan.ScanSummary;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps every host of a run, assessed, to build one {@link CheckReport} at the end (for the
 * formats that need the whole picture: the side-by-side table, HTML, PDF, XML).
 */
public final class ReportCollector implements ResultListener {
    private final RunInfo run;
    private final Assessor assessor;
    private final @Nullable String vantage;
    private final Function<InetAddress, @Nullable InetAddress> sourceFor;
    private final List<AssessedHost> hosts = new ArrayList<>();
    private @Nullable CheckReport report;

    /** @param sourceFor the scanner's own address towards a target, for the policy's {@code from} rules */
    public ReportCollector(RunInfo run, Assessor assessor, @Nullable String vantage,
                           Function<InetAddress, @Nullable InetAddress> sourceFor) {
        this.run = run;
        this.assessor = assessor;
        this.vantage = vantage;
        this.sourceFor = sourceFor;
    }

    @Override
    public void host(HostReport host) {
        hosts.add(assessor.assess(host, vantage, sourceFor.apply(host.target().address())));
    }

    @Override
    public void finished(ScanSummary summary) {
        report = new CheckReport(run, hosts, summary, assessor.checklist(hosts));
    }

    public CheckReport report() {
        if (report == null) throw new IllegalStateException("the run has not finished");
        return report;
    }
}
