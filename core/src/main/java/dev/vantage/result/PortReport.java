package dev.vantage.result;

import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import dev.vantage.scan.PortResult;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One port of one host as reported: reachability, what answers there, what the checks found, and
 * notes about anything that could not be determined (a check that timed out says so here rather
 * than guessing).
 */
public record PortReport(int port, Protocol protocol, PortState state, Reason reason, long rttMicros, int attempts,
                         @Nullable Service service, List<Finding> findings, List<String> notes) {

    public PortReport {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    public static PortReport of(PortResult r) {
        return new PortReport(r.port(), r.protocol(), r.state(), r.reason(), r.rttMicros(), r.attempts(), null, List.of(), List.of());
    }

    /**
     * A closed or filtered port with nothing else to say (no service, finding or note): a full
     * listing (--show-all) is nearly all such ports, and they carry no risk to assess.
     */
    public boolean quiet() {
        return (state == PortState.CLOSED || state == PortState.FILTERED) && service == null && findings.isEmpty() && notes.isEmpty();
    }

    /** A quiet TCP port: what a full listing writes without assessing (UDP ports are few and always assessed). */
    public boolean quietTcp() {
        return protocol == Protocol.TCP && quiet();
    }

    public PortReport with(@Nullable Service s, List<Finding> f, List<String> n) {
        return new PortReport(port, protocol, state, reason, rttMicros, attempts, s, f, n);
    }
}
