package dev.vantage.report.render;

import dev.vantage.assess.AssessedFinding;
import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.AssessedPort;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.DecoyActivity;
import dev.vantage.assess.Deviation;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.assess.OwnerView;
import dev.vantage.result.PortReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The terminal report: the side-by-side table (ports × hosts, with what each port does, its
 * stock rating and, beside it, the owner's view), then per host the findings with evidence, why
 * and what to do, the differences from the policy, and the checklist. Lines fit 100 columns,
 * Japanese included; text from the servers is {@link Printable#clean cleaned} so a banner cannot
 * send escape sequences to the terminal.
 */
public final class TextRenderer implements ReportRenderer {
    static final int WIDTH = 100;
    /** Host columns per table: three fit 100 columns beside port, service, risk and owner. */
    static final int HOSTS_PER_TABLE = 3;
    private static final String INDENT = "  ";

    @Override
    public String format() {
        return "text";
    }

    @Override
    public void render(CheckReport report, KnowledgeBase kb, Lang lang, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(text(report, new Texts(kb, lang)));
        w.flush();
    }

    String text(CheckReport report, Texts t) {
        Lines out = new Lines();
        out.heading(t.msg("report.title"), '=');
        out.paragraph("", t.msg("report.confidential"));
        out.blank();
        header(report, t, out);
        SideBySide grid = SideBySide.of(report);
        out.heading(t.msg("section.hosts"), '-');
        if (grid.rows().isEmpty()) {
            out.paragraph("", t.msg("report.no_open_ports"));
        } else {
            for (List<AssessedHost> group : SideBySide.groups(report.hosts(), HOSTS_PER_TABLE)) {
                SideBySide part = SideBySide.of(group);
                if (!part.rows().isEmpty()) table(part, t, out);
            }
            legend(grid, t, out);
        }
        for (AssessedHost h : report.hosts()) host(h, t, out);
        out.heading(t.msg("section.checklist"), '-');
        for (String item : t.checklist(report.checklist())) out.hanging(INDENT + "[ ] ", item);
        out.blank();
        return out.toString();
    }

    private static void header(CheckReport report, Texts t, Lines out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {t.msg("report.generated"), t.when(report.run().startedAt())});
        rows.add(new String[] {t.msg("report.level"), t.level(report.run().level())});
        String vantages = report.hosts().stream().map(AssessedHost::vantage).filter(v -> v != null).distinct()
                .map(Printable::oneLine).collect(Collectors.joining(", "));
        if (!vantages.isEmpty()) rows.add(new String[] {t.msg("report.vantage"), vantages});
        rows.add(new String[] {t.msg("report.target"), report.hosts().stream()
                .map(h -> Printable.oneLine(h.label()) + " (" + h.host().target().addressText() + ")").collect(Collectors.joining(", "))});
        if (!report.run().ports().isBlank()) rows.add(new String[] {t.msg("report.ports_checked"), Printable.oneLine(report.run().ports())});
        rows.add(new String[] {t.msg("report.version"), Printable.oneLine(report.run().version())});
        int labelWidth = rows.stream().mapToInt(r -> TerminalText.width(r[0])).max().orElse(0) + 2;
        for (String[] r : rows) out.hanging(TerminalText.pad(r[0] + ":", labelWidth), r[1]);
        out.blank();
    }

    /**
     * The table, with the owner's rating in the last column and the owner's note on the lines
     * below the row, indented under the service (a note does not fit a narrow column).
     */
    private static void table(SideBySide grid, Texts t, Lines out) {
        List<String> head = new ArrayList<>(List.of(t.msg("col.port"), t.msg("col.service")));
        for (AssessedHost h : grid.hosts()) head.add(Printable.oneLine(h.label()));
        head.add(t.msg("col.risk"));
        boolean anyOwner = grid.rows().stream().anyMatch(r -> !grid.ownerViews(r).isEmpty());
        if (anyOwner) head.add(t.msg("col.owner_view"));
        List<List<String>> body = new ArrayList<>();
        for (SideBySide.Row row : grid.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.label(), t.serviceName(row.serviceKey())));
            for (SideBySide.Cell c : row.cells()) cells.add(t.stateShort(c.state()));
            cells.add(t.risk(row.stockRisk()));
            if (anyOwner) cells.add(ownerRisk(grid, row, t));
            body.add(cells);
        }
        int[] widths = new int[head.size()];
        for (int i = 0; i < head.size(); i++) widths[i] = TerminalText.width(head.get(i));
        for (List<String> r : body) for (int i = 0; i < r.size(); i++) widths[i] = Math.max(widths[i], TerminalText.width(r.get(i)));
        out.line(row(head, widths));
        int total = INDENT.length();
        for (int wd : widths) total += wd + 2;
        out.line(INDENT + "-".repeat(Math.min(WIDTH, total - 2) - INDENT.length()));
        String noteIndent = " ".repeat(INDENT.length() + widths[0] + 2);
        for (int r = 0; r < body.size(); r++) {
            out.line(row(body.get(r), widths));
            for (String note : ownerNotes(grid, grid.rows().get(r))) out.hanging(noteIndent + t.msg("col.owner_view") + ": ", note);
        }
        out.blank();
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(INDENT);
        for (int i = 0; i < cells.size(); i++) line.append(TerminalText.pad(cells.get(i), widths[i] + 2));
        return line.toString().stripTrailing();
    }

    /** The owner's rating of a row ("High"), or per host when the hosts' ratings differ. */
    private static String ownerRisk(SideBySide grid, SideBySide.Row row, Texts t) {
        List<SideBySide.HostView> views = grid.ownerViews(row);
        if (views.stream().map(v -> v.view().risk()).distinct().count() <= 1) {
            return views.isEmpty() ? "" : t.risk(views.get(0).view().risk());
        }
        return views.stream().map(v -> Printable.oneLine(v.host()) + ": " + t.risk(v.view().risk())).collect(Collectors.joining(", "));
    }

    /** The owner's notes of a row: once when every host has the same view, else one per host. */
    private static List<String> ownerNotes(SideBySide grid, SideBySide.Row row) {
        List<SideBySide.HostView> views = grid.ownerViews(row);
        if (views.stream().map(SideBySide.HostView::view).distinct().count() <= 1) {
            return views.isEmpty() ? List.of() : List.of(Printable.oneLine(views.get(0).view().note()));
        }
        return views.stream().map(v -> Printable.oneLine(v.host()) + ": " + Printable.oneLine(v.view().note())).toList();
    }

    static String owner(OwnerView view, Texts t) {
        return t.risk(view.risk()) + " — " + Printable.oneLine(view.note());
    }

    private static void legend(SideBySide grid, Texts t, Lines out) {
        List<String> states = grid.rows().stream().flatMap(r -> r.cells().stream()).map(SideBySide.Cell::state).distinct().toList();
        out.line(INDENT + t.msg("legend.title"));
        for (String s : List.of("open", "open-restricted", "closed", "filtered", SideBySide.NOT_SCANNED)) {
            if (states.contains(s)) out.hanging(INDENT + "  " + t.stateShort(s) + ": ", t.msg("legend." + s));
        }
        out.blank();
    }

    private static void host(AssessedHost h, Texts t, Lines out) {
        out.heading(Printable.oneLine(h.label()) + " (" + h.host().target().addressText() + ")", '-');
        if (h.vantage() != null) out.hanging(INDENT + t.msg("report.vantage") + ": ", Printable.oneLine(h.vantage()));
        out.line(INDENT + t.msg("section.findings"));
        boolean any = false;
        for (AssessedPort p : h.ports()) {
            for (AssessedFinding f : p.findings()) {
                any = true;
                finding(p, f, t, out);
            }
        }
        if (!any) out.hanging(INDENT + "  ", t.msg("report.no_findings_host"));
        out.line(INDENT + t.msg("section.deviations"));
        if (h.deviations().isEmpty()) out.hanging(INDENT + "  ", t.msg("report.no_deviations"));
        for (Deviation d : h.deviations()) {
            out.hanging(INDENT + "  " + d.port() + "/" + d.protocol() + "  ", t.findingTitle(d.kind()) + ": " + deviationDetail(d, t));
        }
        if (!h.decoys().isEmpty()) {
            out.line(INDENT + t.msg("section.decoys"));
            for (DecoyActivity.Attempts a : h.decoys()) out.hanging(INDENT + "  ", decoyLine(a, t));
        }
        List<String> notes = new ArrayList<>();
        for (AssessedPort p : h.ports()) for (String n : p.port().notes()) notes.add(label(p.port()) + "  " + Printable.oneLine(n));
        if (!notes.isEmpty()) {
            out.line(INDENT + t.msg("report.notes"));
            for (String n : notes) out.hanging(INDENT + "  ", n);
        }
        List<PortReport> udp = SideBySide.udpWithoutReply(h);
        if (!udp.isEmpty()) {
            out.hanging(INDENT, t.msg("report.udp_no_reply", udp.stream().map(p -> String.valueOf(p.port())).collect(Collectors.joining(", "))));
        }
        out.hanging(INDENT, t.msg("report.counts", h.host().counts().closed(), h.host().counts().filtered()));
        out.blank();
    }

    private static void finding(AssessedPort p, AssessedFinding f, Texts t, Lines out) {
        String id = f.finding().id();
        out.hanging(INDENT + "  ! " + label(p.port()) + "  ", t.findingTitle(id) + "  [" + t.risk(f.stockRisk()) + "]");
        String more = INDENT + "      ";
        if (f.owner() != null) out.hanging(more + t.msg("col.owner_view") + ": ", owner(f.owner(), t));
        List<String> evidence = List.of(Printable.clean(f.finding().evidence()).split("\n", 50));
        out.hanging(more + t.msg("col.evidence") + ": ", evidence.get(0));
        for (int i = 1; i < evidence.size(); i++) out.hanging(more + "  ", evidence.get(i));
        t.finding(id).ifPresent(text -> {
            out.hanging(more + t.msg("col.why") + ": ", text.why());
            out.hanging(more + t.msg("col.advice") + ": ", text.advice());
        });
    }

    /** A deviation's evidence; a bare state label is said in the report's language. */
    /** "decoy port 23: 41 attempts from 17 sources since the last check (2026-11-20 09:00 UTC)". */
    static String decoyLine(DecoyActivity.Attempts a, Texts t) {
        String window = t.msg(a.sinceLastCheck() ? "report.decoy_since_check" : "report.decoy_since_start", t.when(a.since()));
        if (a.count() == 0) return t.msg("report.decoy_quiet", a.port(), window);
        String attempts = a.count() == 1 ? t.msg("report.decoy_attempts_one") : t.msg("report.decoy_attempts_many", a.count());
        String sources = a.sources() == 1 ? t.msg("report.decoy_sources_one") : t.msg("report.decoy_sources_many", a.sources());
        return t.msg("report.decoy_line", a.port(), attempts, sources, window);
    }

    static String deviationDetail(Deviation d, Texts t) {
        String detail = Printable.oneLine(d.detail());
        return switch (detail) {
            case "open", "open-restricted", "closed", "filtered", "open|filtered" -> t.state(detail);
            case "not scanned" -> t.state(SideBySide.NOT_SCANNED);
            default -> detail;
        };
    }

    private static String label(PortReport p) {
        return p.port() + "/" + p.protocol().label();
    }

    /** The report being written, line by line, with wrapping at {@link #WIDTH} columns. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();

        void line(String line) {
            text.append(line).append('\n');
        }

        void blank() {
            if (!text.isEmpty() && !text.toString().endsWith("\n\n")) text.append('\n');
        }

        void heading(String title, char underline) {
            blank();
            line(title);
            line(String.valueOf(underline).repeat(Math.min(WIDTH, TerminalText.width(title))));
        }

        void paragraph(String indent, String body) {
            hanging(indent, body);
        }

        /** The first line starts with the prefix, following lines are indented to its width. */
        void hanging(String prefix, String body) {
            int indent = TerminalText.width(prefix);
            List<String> lines = TerminalText.wrap(body, WIDTH - indent);
            line((prefix + lines.get(0)).stripTrailing());
            for (int i = 1; i < lines.size(); i++) line((" ".repeat(indent) + lines.get(i)).stripTrailing());
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
