package dev.vantage.assess;

import dev.vantage.report.RunInfo;
import dev.vantage.scan.ScanSummary;

import java.util.List;

/**
 * Everything a report shows, assessed: what was run, each host, the checklist items that apply.
 * Renderers read only this (and the knowledge base for texts).
 */
public record CheckReport(RunInfo run, List<AssessedHost> hosts, ScanSummary summary, List<String> checklist) {
    public CheckReport {
        hosts = List.copyOf(hosts);
        checklist = List.copyOf(checklist);
    }
}
