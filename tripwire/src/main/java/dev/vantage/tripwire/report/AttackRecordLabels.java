package dev.vantage.tripwire.report;

import dev.vantage.report.render.Texts;

/** Phrases every rendering of the record shares. */
final class AttackRecordLabels {
    private AttackRecordLabels() {}

    static String period(AttackRecord r, Texts t) {
        return r.since() == null ? t.msg("tripwire.period_all", t.when(r.generatedAt()))
                : t.msg("tripwire.period_since", t.when(r.since()), t.when(r.generatedAt()));
    }

    static String dropped(AttackRecord r, Texts t) {
        return r.dropped() == 0 ? t.msg("tripwire.dropped_none") : t.msg("tripwire.dropped_some", r.dropped());
    }

    /** "TELNET (remote login)" for port 23; "-" when the port has no usual service. */
    static String service(AttackRecord.PortRow p, Texts t) {
        return p.service() == null ? "-" : t.serviceName(p.service());
    }

    /** The end of a run: its stop, or "still watching" / "ended without a clean stop" after its last heartbeat. */
    static String until(AttackRecord.RunRow run, AttackRecord r, Texts t) {
        if (run.stopped()) return t.when(run.until());
        boolean recent = run.until().isAfter(r.generatedAt().minusSeconds(60));
        return t.when(run.until()) + " (" + t.msg(recent ? "tripwire.running" : "tripwire.ended_unexpectedly") + ")";
    }
}
