package dev.vantage.assess;

/**
 * One step of the reasoning behind a port's stock risk, kept structured so that every report
 * language can say it: the service's default, a finding that raised it, or the open-restricted
 * state that lowered it.
 */
public sealed interface RiskStep {
    Risk risk();

    /** The service's default risk from the knowledge base. */
    record ServiceDefault(String service, Risk risk) implements RiskStep {}

    /** A finding raised the risk to its own level. */
    record RaisedByFinding(String finding, Risk risk) implements RiskStep {}

    /** The service refuses this vantage at once (open-restricted), so the exposure is smaller. */
    record LoweredRestricted(Risk risk) implements RiskStep {}
}
