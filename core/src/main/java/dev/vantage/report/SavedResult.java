package dev.vantage.report;

import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.Assessor;
import dev.vantage.assess.CheckReport;
import dev.vantage.result.HostReport;
import dev.vantage.scan.ScanSummary;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A check result read back from its canonical JSON: what was run, the raw host reports, totals,
 * and the scanner's source address per host (for re-assessing the policy's {@code from} rules).
 */
public record SavedResult(RunInfo run, List<HostReport> hosts, ScanSummary summary, @Nullable String vantage,
                          Map<InetAddress, InetAddress> sources) {

    /** Assesses the saved hosts again — with today's knowledge base and the given policy. */
    public CheckReport assess(Assessor assessor) {
        List<AssessedHost> assessed = new ArrayList<>();
        for (HostReport h : hosts) assessed.add(assessor.assess(h, vantage, sources.get(h.target().address())));
        return new CheckReport(run, assessed, summary, assessor.checklist(assessed));
    }
}
