package dev.vantage.report;

import dev.vantage.assess.AssessedFinding;
import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.AssessedPort;
import dev.vantage.assess.Assessor;
import dev.vantage.assess.Risk;
import dev.vantage.result.HostReport;
import dev.vantage.result.ResultListener;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.util.function.Function;

/**
 * For {@code --fail-on}: remembers whether any finding at or above the threshold remains once the
 * owner's overrides are applied (an owner who rates a finding "info" with a note accepts it).
 */
public final class FailOnThreshold implements ResultListener {
    private final Assessor assessor;
    private final Function<InetAddress, @Nullable InetAddress> sources;
    private final Risk threshold;
    private @Nullable String firstHit;

    public FailOnThreshold(Assessor assessor, Function<InetAddress, @Nullable InetAddress> sources, Risk threshold) {
        this.assessor = assessor;
        this.sources = sources;
        this.threshold = threshold;
    }

    @Override
    public void host(HostReport host) {
        if (firstHit != null) return;
        AssessedHost h = assessor.assess(host, null, sources.apply(host.target().address()));
        for (AssessedPort p : h.ports()) {
            for (AssessedFinding f : p.findings()) {
                if (f.effectiveRisk().atLeast(threshold)) {
                    firstHit = h.label() + " " + p.port().port() + "/" + p.port().protocol().label() + " " + f.finding().id();
                    return;
                }
            }
        }
    }

    public boolean tripped() {
        return firstHit != null;
    }

    /** The first finding that reached the threshold, for the message on stderr. */
    public @Nullable String firstHit() {
        return firstHit;
    }
}
