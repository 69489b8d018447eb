package dev.vantage.report.diff;

import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.assess.Risk;
import dev.vantage.report.render.Printable;
import dev.vantage.report.render.TerminalText;
import dev.vantage.report.render.Texts;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A diff for people: per host, one line per change, marked {@code +} (answers now, new finding),
 * {@code -} (answers no longer, finding resolved) or {@code ~} (state, software or risk changed),
 * with states, risks and finding titles in the report's language.
 */
public final class DiffTextRenderer {
    private DiffTextRenderer() {}

    public static void render(ReportDiff diff, KnowledgeBase kb, Lang lang, OutputStream out) throws IOException {
        out.write(text(diff, new Texts(kb, lang)).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String text(ReportDiff diff, Texts t) {
        StringBuilder out = new StringBuilder();
        String title = t.msg("diff.title");
        out.append(title).append('\n').append("=".repeat(Math.min(100, TerminalText.width(title)))).append('\n');
        out.append(t.msg("diff.previous")).append(": ").append(t.when(diff.oldStartedAt())).append('\n');
        out.append(t.msg("diff.current")).append(": ").append(t.when(diff.newStartedAt())).append("\n\n");
        if (diff.isEmpty()) return out.append(t.msg("diff.none")).append('\n').toString();
        for (HostDiff h : diff.hosts()) {
            if (h.isEmpty()) continue;
            out.append(Printable.oneLine(h.label()));
            if (!h.label().equals(h.address())) out.append(" (").append(h.address()).append(')');
            if (h.presence() == HostDiff.Presence.NEW) out.append(" — ").append(t.msg("diff.host_new"));
            if (h.presence() == HostDiff.Presence.GONE) out.append(" — ").append(t.msg("diff.host_gone"));
            out.append('\n');
            for (Change c : h.changes()) out.append("  ").append(line(c, t)).append('\n');
            out.append('\n');
        }
        return out.toString();
    }

    static String line(Change c, Texts t) {
        String where = String.format("%-9s", c.port() + "/" + c.protocol());
        return switch (c.kind()) {
            case PORT_NEW -> "+ " + where + t.msg("diff.port_new") + ": " + transition(state(c.before(), t), state(c.after(), t))
                    + detail(c.detail());
            case PORT_GONE -> "- " + where + t.msg("diff.port_gone") + ": " + transition(state(c.before(), t), state(c.after(), t))
                    + detail(c.detail());
            case STATE -> "~ " + where + t.msg("diff.state") + ": " + transition(state(c.before(), t), state(c.after(), t));
            case SERVICE -> "~ " + where + t.msg("diff.service") + ": " + transition(clean(c.before()), clean(c.after()));
            case FINDING_NEW -> "+ " + where + t.msg("diff.finding_new") + ": " + t.findingTitle(String.valueOf(c.after()))
                    + detail(c.detail());
            case FINDING_RESOLVED -> "- " + where + t.msg("diff.finding_resolved") + ": " + t.findingTitle(String.valueOf(c.before()));
            case RISK -> "~ " + where + t.msg("diff.risk") + ": " + transition(risk(c.before(), t), risk(c.after(), t));
        };
    }

    private static String transition(@Nullable String before, @Nullable String after) {
        if (before == null) return String.valueOf(after);
        if (after == null) return before;
        return before + " → " + after;
    }

    private static @Nullable String state(@Nullable String label, Texts t) {
        return label == null ? null : t.state(label);
    }

    private static @Nullable String risk(@Nullable String label, Texts t) {
        return label == null ? null : t.risk(Risk.parse(label));
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null ? null : Printable.oneLine(text);
    }

    private static String detail(@Nullable String detail) {
        return detail == null || detail.isBlank() ? "" : " — " + Printable.oneLine(detail);
    }
}
