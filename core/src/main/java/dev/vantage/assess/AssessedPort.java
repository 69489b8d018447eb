package dev.vantage.assess;

import dev.vantage.result.PortReport;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One port with its meaning: which knowledge-base service it is, its stock risk and the steps
 * that led there, the owner's view, and its findings assessed the same way.
 *
 * @param serviceKey the knowledge-base service entry ({@code ftp}, {@code smtp}, ... or {@code unknown})
 * @param identified whether a probe identified the service (false: named after the port number only)
 */
public record AssessedPort(PortReport port, String serviceKey, boolean identified, Risk stockRisk, List<RiskStep> steps,
                           @Nullable OwnerView owner, List<AssessedFinding> findings) {
    public AssessedPort {
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
    }

    public Risk effectiveRisk() {
        return owner != null ? owner.risk() : stockRisk;
    }
}
