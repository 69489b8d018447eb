package dev.vantage.tripwire.report;

import dev.vantage.assess.KnowledgeBase;
import dev.vantage.store.decoy.DecoyCounts;
import dev.vantage.store.decoy.DecoyDao;
import dev.vantage.store.decoy.DecoyRun;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads an {@link AttackRecord} from the store. */
public final class AttackRecords {
    /** Days shown at most (a long record shows its latest days; the totals cover all). */
    static final int MAX_DAYS = 731;

    private AttackRecords() {}

    /**
     * @param since null for everything recorded
     * @param top   how many sources, user names and first lines to list
     * @param mask  mask source addresses for publication
     */
    public static AttackRecord read(DecoyDao dao, @Nullable Instant since, Instant now, int top, boolean mask) {
        Instant from = since == null ? Instant.EPOCH : since;
        DecoyCounts.Totals totals = dao.totals(from);
        KnowledgeBase kb = KnowledgeBase.builtin();
        List<AttackRecord.PortRow> ports = new ArrayList<>();
        for (DecoyCounts.PerPort p : dao.perPort(from)) {
            String service = kb.serviceOnPort("tcp", p.port()).map(KnowledgeBase.ServiceEntry::key).orElse(null);
            ports.add(new AttackRecord.PortRow(p.port(), service, p.attempts(), p.sources(), p.firstSeen(), p.lastSeen()));
        }
        List<AttackRecord.SourceRow> sources = mask ? maskedSources(dao, from, top) : dao.topSources(from, top).stream()
                .map(s -> new AttackRecord.SourceRow(s.address(), s.attempts(), (int) s.ports(), s.firstSeen(), s.lastSeen()))
                .toList();
        List<AttackRecord.RunRow> runs = new ArrayList<>();
        for (DecoyRun r : dao.runs(from)) {
            runs.add(new AttackRecord.RunRow(r.startedAt(), r.stoppedAt() != null ? r.stoppedAt() : r.aliveAt(), r.stoppedAt() != null, r.ports()));
        }
        return new AttackRecord(since, now, totals.attempts(), totals.sources(), totals.firstSeen(), totals.lastSeen(), dao.dropped(from),
                ports, days(dao.perDay(from), since, totals.lastSeen()), sources,
                dao.topUsers(from, top).stream().map(t -> new AttackRecord.TextRow(t.text(), t.count())).toList(),
                dao.topFirstLines(from, top).stream().map(t -> new AttackRecord.TextRow(t.text(), t.count())).toList(),
                runs, mask);
    }

    /** Every day from the first with attempts (or {@code since}) to the last, zeros included. */
    static List<AttackRecord.DayRow> days(List<DecoyCounts.PerDay> perDay, @Nullable Instant since, @Nullable Instant lastSeen) {
        if (perDay.isEmpty()) return List.of();
        Map<LocalDate, DecoyCounts.PerDay> byDay = new HashMap<>();
        for (DecoyCounts.PerDay d : perDay) byDay.put(d.day(), d);
        LocalDate first = perDay.getFirst().day();
        if (since != null) {
            LocalDate sinceDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
            if (sinceDay.isBefore(first)) first = sinceDay;
        }
        LocalDate last = perDay.getLast().day();
        if (lastSeen != null && LocalDate.ofInstant(lastSeen, ZoneOffset.UTC).isAfter(last)) last = LocalDate.ofInstant(lastSeen, ZoneOffset.UTC);
        if (first.plusDays(MAX_DAYS - 1).isBefore(last)) first = last.minusDays(MAX_DAYS - 1);
        List<AttackRecord.DayRow> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            DecoyCounts.PerDay row = byDay.get(d);
            out.add(new AttackRecord.DayRow(d, row == null ? 0 : row.attempts(), row == null ? 0 : row.sources()));
        }
        return out;
    }

    private static List<AttackRecord.SourceRow> maskedSources(DecoyDao dao, Instant from, int top) {
        final class Group {
            long attempts;
            final BitSet ports = new BitSet();
            Instant first = Instant.MAX;
            Instant last = Instant.MIN;
        }
        Map<String, Group> groups = new HashMap<>();
        dao.forEachSourcePort(from, row -> {
            Group g = groups.computeIfAbsent(SourceMask.mask(row.address()), k -> new Group());
            g.attempts += row.attempts();
            g.ports.set(row.port());
            if (row.firstSeen().isBefore(g.first)) g.first = row.firstSeen();
            if (row.lastSeen().isAfter(g.last)) g.last = row.lastSeen();
        });
        return groups.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Group> e) -> -e.getValue().attempts).thenComparing(Map.Entry::getKey))
                .limit(top)
                .map(e -> new AttackRecord.SourceRow(e.getKey(), e.getValue().attempts, e.getValue().ports.cardinality(),
                        e.getValue().first, e.getValue().last))
                .toList();
    }
}
