package dev.vantage.assess;

import dev.vantage.check.Finding;
import org.jspecify.annotations.Nullable;

/** A finding with its stock risk from the knowledge base and the owner's view, if any. */
public record AssessedFinding(Finding finding, Risk stockRisk, @Nullable OwnerView owner) {
    /** The owner's rating when given, else the stock one. */
    public Risk effectiveRisk() {
        return owner != null ? owner.risk() : stockRisk;
    }
}
