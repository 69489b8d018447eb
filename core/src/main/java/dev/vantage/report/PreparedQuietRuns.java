package dev.vantage.report;

import dev.vantage.result.PortReport;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of quiet TCP ports of one host, rendered ahead of its report while the scan's last
 * connections are still being watched (see {@link dev.vantage.result.ResultListener#prepare}).
 * Each run is cut into the same raw chunks the writer would make from the same first port on, so
 * using a run changes nothing in the output; the writer uses one only where the final listing
 * holds exactly the same report objects, one by one, from the run's first entry to its last.
 */
final class PreparedQuietRuns {
    /** Consecutive entries as rendered: whole chunks, then the unfinished one. */
    record Run(List<PortReport> entries, List<byte[]> fullChunks, byte[] tail) {
        int count() {
            return entries.size();
        }
    }

    private final List<Run> runs;
    private int cursor;

    private PreparedQuietRuns(List<Run> runs) {
        this.runs = runs;
    }

    /** Renders every run of quiet TCP ports between the undecided (null) and answering entries. */
    static PreparedQuietRuns render(List<@Nullable PortReport> decidedSoFar) {
        QuietPortLines lines = new QuietPortLines();
        List<Run> runs = new ArrayList<>();
        int n = decidedSoFar.size();
        int i = 0;
        while (i < n) {
            if (!quietTcp(decidedSoFar.get(i))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && quietTcp(decidedSoFar.get(end))) end++;
            List<PortReport> run = decidedSoFar.subList(i, end);   // no nulls between i and end
            List<byte[]> full = new ArrayList<>();
            int k = 0;
            while (k < run.size()) {
                k = lines.addQuietTcp(run, k);
                if (lines.full()) {
                    full.add(lines.asUnquotedUTF8());
                    lines.clear();
                }
            }
            runs.add(new Run(run, full, lines.asUnquotedUTF8()));
            lines.clear();
            i = end;
        }
        return new PreparedQuietRuns(runs);
    }

    private static boolean quietTcp(@Nullable PortReport p) {
        return p != null && p.quietTcp();
    }

    /**
     * The run whose entries are the very objects at {@code ports[i]} onwards, or null. Asked with
     * ascending ports (a run passed over is not offered again).
     */
    @Nullable Run startingAt(List<PortReport> ports, int i) {
        PortReport p = ports.get(i);
        while (cursor < runs.size() && runs.get(cursor).entries().getFirst().port() < p.port()) cursor++;
        if (cursor == runs.size()) return null;
        Run r = runs.get(cursor);
        if (i + r.count() > ports.size()) return null;
        for (int k = 0; k < r.count(); k++) if (ports.get(i + k) != r.entries().get(k)) return null;
        cursor++;
        return r;
    }

    int size() {
        return runs.size();
    }
}
