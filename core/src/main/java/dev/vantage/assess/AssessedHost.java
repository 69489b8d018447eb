package dev.vantage.assess;

import dev.vantage.result.HostReport;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One host as the owner sees it: their name for it (from the policy, else the target name), the
 * vantage it was checked from, every reported port assessed, the deviations from the policy, and
 * what the tripwire recorded on the ports the policy marks as decoys (empty without a tripwire record).
 */
public record AssessedHost(HostReport host, String label, @Nullable String vantage, List<AssessedPort> ports,
                           List<Deviation> deviations, List<DecoyActivity.Attempts> decoys) {
    public AssessedHost {
        ports = List.copyOf(ports);
        deviations = List.copyOf(deviations);
        decoys = List.copyOf(decoys);
    }

    /** The highest effective risk of any port or finding (INFO when nothing answers). */
    public Risk highestRisk() {
        Risk r = Risk.INFO;
        for (AssessedPort p : ports) {
            if (!p.port().state().isReachable() && p.port().state() != dev.vantage.scan.PortState.OPEN_FILTERED) continue;
            r = Risk.max(r, p.effectiveRisk());
            for (AssessedFinding f : p.findings()) r = Risk.max(r, f.effectiveRisk());
        }
        return r;
    }
}
