package dev.vantage.tripwire.report;

import dev.vantage.report.render.Texts;

import java.util.ArrayList;
import java.util.List;

/** The attack record as plain text tables for a terminal or a mail. */
public final class TextAttackRecord {
    private TextAttackRecord() {}

    public static String render(AttackRecord r, Texts t) {
        StringBuilder s = new StringBuilder();
        s.append(t.msg("tripwire.title")).append('\n');
        s.append(t.msg("tripwire.period")).append(": ").append(AttackRecordLabels.period(r, t)).append('\n');
        s.append(t.msg("tripwire.summary_line", r.attempts(), r.sources())).append('\n');
        if (r.firstSeen() != null && r.lastSeen() != null) {
            s.append(t.msg("tripwire.first_seen")).append(": ").append(t.when(r.firstSeen())).append("   ")
                    .append(t.msg("tripwire.last_seen")).append(": ").append(t.when(r.lastSeen())).append('\n');
        }
        s.append(AttackRecordLabels.dropped(r, t)).append('\n');
        s.append(t.msg(r.masked() ? "tripwire.masked" : "tripwire.unmasked")).append('\n');
        if (r.attempts() == 0) {
            s.append('\n').append(t.msg("tripwire.no_events")).append('\n');
        }
        if (!r.ports().isEmpty()) {
            section(s, t.msg("tripwire.by_port"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {t.msg("tripwire.col.port"), t.msg("tripwire.col.service"), t.msg("tripwire.attempts"),
                    t.msg("tripwire.sources"), t.msg("tripwire.first_seen"), t.msg("tripwire.last_seen")});
            for (AttackRecord.PortRow p : r.ports()) {
                rows.add(new String[] {String.valueOf(p.port()), AttackRecordLabels.service(p, t), String.valueOf(p.attempts()),
                        String.valueOf(p.sources()), t.when(p.firstSeen()), t.when(p.lastSeen())});
            }
            table(s, rows, 2, 3);
        }
        if (!r.days().isEmpty()) {
            section(s, t.msg("tripwire.by_day"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {t.msg("tripwire.col.day"), t.msg("tripwire.attempts"), t.msg("tripwire.sources")});
            for (AttackRecord.DayRow d : r.days()) rows.add(new String[] {d.day().toString(), String.valueOf(d.attempts()), String.valueOf(d.sources())});
            table(s, rows, 1, 2);
        }
        if (!r.topSources().isEmpty()) {
            section(s, t.msg("tripwire.top_sources"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {t.msg("tripwire.col.source"), t.msg("tripwire.attempts"), t.msg("tripwire.col.ports"),
                    t.msg("tripwire.first_seen"), t.msg("tripwire.last_seen")});
            for (AttackRecord.SourceRow x : r.topSources()) {
                rows.add(new String[] {x.source(), String.valueOf(x.attempts()), String.valueOf(x.ports()), t.when(x.firstSeen()),
                        t.when(x.lastSeen())});
            }
            table(s, rows, 1, 2);
        }
        texts(s, t.msg("tripwire.top_users"), t.msg("tripwire.col.user"), t.msg("tripwire.col.count"), r.users());
        texts(s, t.msg("tripwire.top_lines"), t.msg("tripwire.col.first_line"), t.msg("tripwire.col.count"), r.firstLines());
        if (!r.runs().isEmpty()) {
            section(s, t.msg("tripwire.runs"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {t.msg("tripwire.col.from"), t.msg("tripwire.col.until"), t.msg("tripwire.col.watched")});
            for (AttackRecord.RunRow run : r.runs()) {
                rows.add(new String[] {t.when(run.from()), AttackRecordLabels.until(run, r, t), run.ports()});
            }
            table(s, rows);
        }
        return s.toString();
    }

    private static void texts(StringBuilder s, String title, String textHeader, String countHeader, List<AttackRecord.TextRow> items) {
        if (items.isEmpty()) return;
        section(s, title);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {countHeader, textHeader});
        for (AttackRecord.TextRow x : items) rows.add(new String[] {String.valueOf(x.count()), x.text()});
        table(s, rows, 0);
    }

    private static void section(StringBuilder s, String title) {
        s.append('\n').append(title).append('\n');
    }

    /** Columns padded to their widest cell (East Asian wide characters count double); numeric columns right-aligned. */
    private static void table(StringBuilder s, List<String[]> rows, int... rightAligned) {
        int cols = rows.getFirst().length;
        int[] width = new int[cols];
        for (String[] row : rows) for (int c = 0; c < cols; c++) width[c] = Math.max(width[c], displayWidth(row[c]));
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < cols; c++) {
                String cell = row[c];
                String pad = " ".repeat(width[c] - displayWidth(cell));
                boolean right = contains(rightAligned, c);
                line.append(right ? pad + cell : cell + (c == cols - 1 ? "" : pad));
                if (c < cols - 1) line.append("  ");
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }

    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
                || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
                || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
    }
}
