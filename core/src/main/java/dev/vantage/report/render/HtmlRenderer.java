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
import dev.vantage.assess.Risk;
import dev.vantage.result.PortReport;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One self-contained HTML file: inline style, no scripts, no external resources (a
 * Content-Security-Policy forbids them, in case escaping were ever wrong), readable on screen and
 * printable. Content: header with the confidentiality notice, summary, the side-by-side table
 * with risk colours and the owner's view beside the stock rating, per-port explanations (what the
 * service does, threats, why this rating step by step, what to do), per-host findings with
 * evidence and differences from the policy, the owner's notes, and the checklist. Well-formed
 * XHTML, so the PDF renderer can parse the same text.
 */
public final class HtmlRenderer implements ReportRenderer {
    /** Host columns per table; more hosts get further tables (a page is only so wide). */
    static final int HOSTS_PER_TABLE = 6;

    @Override
    public String format() {
        return "html";
    }

    @Override
    public void render(CheckReport report, KnowledgeBase kb, Lang lang, OutputStream out) throws IOException {
        out.write(html(report, new Texts(kb, lang), null, false).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * @param pdfNote a note to show at the top (the PDF renderer's missing-font warning), or null
     * @param forPdf  name the PDF renderer's embedded font families first
     */
    String html(CheckReport report, Texts t, @Nullable String pdfNote, boolean forPdf) {
        HtmlBuilder h = new HtmlBuilder();
        h.markup("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + t.lang().code() + "\" xml:lang=\""
                + t.lang().code() + "\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .markup("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .markup("<meta name=\"referrer\" content=\"no-referrer\"/>\n<meta name=\"robots\" content=\"noindex, nofollow\"/>\n")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        h.element("title", t.msg("report.title") + " — " + report.hosts().stream().map(AssessedHost::label)
                .collect(Collectors.joining(", ")) + " — " + t.when(report.run().startedAt())).newline();
        h.open("style").markup("\n").markup(ReportStyle.css(t.lang(), t.msg("report.confidential"), forPdf)).close("style").newline();
        h.markup("</head>\n<body>\n<div class=\"paper\">\n");
        if (pdfNote != null) h.element("div", pdfNote, "class", "notice").newline();
        h.element("div", t.msg("report.confidential"), "class", "notice").newline();
        header(report, t, h);
        SideBySide grid = SideBySide.of(report);
        summary(report, t, h);
        h.element("h2", t.msg("section.hosts"), "id", "ports").newline();
        if (grid.rows().isEmpty()) h.element("p", t.msg("report.no_open_ports"));
        for (List<AssessedHost> group : SideBySide.groups(report.hosts(), HOSTS_PER_TABLE)) {
            SideBySide part = SideBySide.of(group);
            if (!part.rows().isEmpty()) table(part, t, h);
        }
        if (!grid.rows().isEmpty()) legend(grid, t, h);
        if (!grid.rows().isEmpty()) HtmlExplanations.write(grid, t, h);
        for (AssessedHost host : report.hosts()) host(host, t, h);
        ownerNotes(report, t, h);
        checklist(report, t, h);
        h.element("footer", t.msg("report.confidential"), "class", "notice").newline();
        h.markup("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(CheckReport report, Texts t, HtmlBuilder h) {
        h.element("h1", t.msg("report.title")).newline();
        h.open("table", "class", "meta").open("tbody");
        meta(h, t.msg("report.generated"), t.when(report.run().startedAt()));
        meta(h, t.msg("report.level"), t.level(report.run().level()));
        String vantages = report.hosts().stream().map(AssessedHost::vantage).filter(v -> v != null).distinct()
                .collect(Collectors.joining(", "));
        if (!vantages.isEmpty()) meta(h, t.msg("report.vantage"), vantages);
        meta(h, t.msg("report.target"), report.hosts().stream()
                .map(x -> x.label() + " (" + x.host().target().addressText() + ")").collect(Collectors.joining(", ")));
        if (!report.run().ports().isBlank()) meta(h, t.msg("report.ports_checked"), report.run().ports());
        meta(h, t.msg("report.version"), report.run().version());
        h.close("tbody").close("table").newline();
    }

    private static void meta(HtmlBuilder h, String label, String value) {
        h.open("tr").element("th", label).element("td", value).close("tr");
    }

    private static void summary(CheckReport report, Texts t, HtmlBuilder h) {
        h.element("h2", t.msg("section.summary")).newline();
        h.open("table", "class", "list").open("thead").open("tr").element("th", t.msg("col.host")).element("th", t.msg("col.address"));
        for (String c : List.of("col.open_ports", "col.findings", "col.deviations")) h.element("th", t.msg(c), "class", "num");
        h.element("th", t.msg("col.highest_risk")).close("tr").close("thead").open("tbody").newline();
        for (AssessedHost host : report.hosts()) {
            long answering = host.ports().stream().filter(p -> p.port().state().isReachable()).count();
            long findings = host.ports().stream().mapToLong(p -> p.findings().size()).sum();
            h.open("tr").element("td", host.label()).element("td", host.host().target().addressText(), "class", "port")
                    .element("td", String.valueOf(answering), "class", "num").element("td", String.valueOf(findings), "class", "num")
                    .element("td", String.valueOf(host.deviations().size()), "class", "num").open("td");
            Risk stock = stockHighest(host);
            risk(h, t, stock);
            if (host.highestRisk() != stock) {
                h.markup(" ").element("span", t.msg("owner.mark"), "class", "owner-tag owner-inline");
                risk(h, t, host.highestRisk());
            }
            h.close("td").close("tr").newline();
        }
        h.close("tbody").close("table").newline();
    }

    /** The highest stock rating of a host's answering ports and their findings (the owner's views aside). */
    static Risk stockHighest(AssessedHost host) {
        Risk r = Risk.INFO;
        for (AssessedPort p : host.ports()) {
            if (!p.port().state().isReachable()) continue;
            r = Risk.max(r, p.stockRisk());
            for (AssessedFinding f : p.findings()) r = Risk.max(r, f.stockRisk());
        }
        return r;
    }

    private static void table(SideBySide grid, Texts t, HtmlBuilder h) {
        boolean anyOwner = grid.rows().stream().anyMatch(r -> !grid.ownerViews(r).isEmpty());
        h.open("table", "class", "list grid").open("thead").open("tr").element("th", t.msg("col.port"), "class", "port-col")
                .element("th", t.msg("col.service"), "class", "service-col");
        for (AssessedHost host : grid.hosts()) h.element("th", host.label());
        h.element("th", t.msg("col.risk"), "class", "risk-col");
        if (anyOwner) h.element("th", t.msg("col.owner_view"), "class", "owner-col");
        h.close("tr").close("thead").open("tbody").newline();
        for (SideBySide.Row row : grid.rows()) {
            h.open("tr").element("td", row.label(), "class", "port")
                    .element("td", t.serviceName(row.serviceKey()), "class", grid.hosts().size() <= 3 ? "nowrap" : "");
            for (SideBySide.Cell c : row.cells()) {
                h.open("td", "class", "state st-" + cssName(c.state()))
                        .text(t.stateShort(c.state())).close("td");
            }
            h.open("td");
            risk(h, t, row.stockRisk());
            h.close("td");
            if (anyOwner) {
                List<SideBySide.HostView> views = grid.ownerViews(row);
                h.open("td", "class", views.isEmpty() ? "" : "owner");
                boolean same = views.stream().map(SideBySide.HostView::view).distinct().count() <= 1;
                for (SideBySide.HostView v : same && !views.isEmpty() ? views.subList(0, 1) : views) {
                    owner(h, t, v.view(), same ? null : v.host());
                }
                h.close("td");
            }
            h.close("tr").newline();
        }
        h.close("tbody").close("table").newline();
    }

    private static void legend(SideBySide grid, Texts t, HtmlBuilder h) {
        List<String> present = grid.rows().stream().flatMap(r -> r.cells().stream()).map(SideBySide.Cell::state).distinct().toList();
        h.open("table", "class", "legend").open("tbody");
        for (String s : List.of("open", "open-restricted", "closed", "filtered", SideBySide.NOT_SCANNED)) {
            if (!present.contains(s)) continue;
            h.open("tr").open("td", "class", "state st-" + cssName(s)).text(t.stateShort(s))
                    .close("td").element("td", t.msg("legend." + s)).close("tr");
        }
        h.close("tbody").close("table").newline();
    }

    /** Every rating the owner gave, beside the standard one: the owner's column of the seed report. */
    private static void ownerNotes(CheckReport report, Texts t, HtmlBuilder h) {
        record OwnerRow(String host, String what, Risk stock, OwnerView owner) {}
        List<OwnerRow> rows = new ArrayList<>();
        for (AssessedHost host : report.hosts()) {
            for (AssessedPort p : host.ports()) {
                if (p.owner() != null && p.port().state().isReachable()) {
                    rows.add(new OwnerRow(host.label(), label(p.port()) + " " + t.serviceName(p.serviceKey()), p.stockRisk(), p.owner()));
                }
                for (AssessedFinding f : p.findings()) {
                    if (f.owner() != null) rows.add(new OwnerRow(host.label(), label(p.port()) + " " + t.findingTitle(f.finding().id()),
                            f.stockRisk(), f.owner()));
                }
            }
        }
        if (rows.isEmpty()) return;
        h.element("h2", t.msg("col.owner_view")).newline();
        h.open("table", "class", "list").open("thead").open("tr").element("th", t.msg("col.host")).element("th", t.msg("col.service"))
                .element("th", t.msg("owner.stock_rating")).element("th", t.msg("col.owner_view")).close("tr").close("thead").open("tbody");
        for (OwnerRow r : rows) {
            h.open("tr").element("td", r.host()).element("td", r.what()).open("td");
            risk(h, t, r.stock());
            h.close("td").open("td", "class", "owner");
            owner(h, t, r.owner(), null);
            h.close("td").close("tr").newline();
        }
        h.close("tbody").close("table").newline();
    }

    private static void host(AssessedHost host, Texts t, HtmlBuilder h) {
        h.open("section", "class", "host").open("h2").text(host.label()).open("span", "class", "addr")
                .text(host.host().target().addressText()).close("span").close("h2").newline();
        if (host.vantage() != null) h.element("p", t.msg("report.vantage") + ": " + host.vantage(), "class", "muted");
        h.element("h3", t.msg("section.findings")).newline();
        boolean any = false;
        for (AssessedPort p : host.ports()) {
            for (AssessedFinding f : p.findings()) {
                any = true;
                finding(p, f, t, h);
            }
        }
        if (!any) h.element("p", t.msg("report.no_findings_host"), "class", "muted");
        h.element("h3", t.msg("section.deviations")).newline();
        if (host.deviations().isEmpty()) {
            h.element("p", t.msg("report.no_deviations"), "class", "muted");
        } else {
            h.open("table", "class", "list").open("thead").open("tr").element("th", t.msg("col.port"))
                    .element("th", t.msg("col.deviation")).element("th", t.msg("col.evidence")).element("th", t.msg("col.advice"))
                    .close("tr").close("thead").open("tbody");
            for (Deviation d : host.deviations()) {
                h.open("tr").element("td", d.port() + "/" + d.protocol(), "class", "port").element("td", t.findingTitle(d.kind()))
                        .element("td", TextRenderer.deviationDetail(d, t))
                        .element("td", t.finding(d.kind()).map(f -> f.advice()).orElse(""), "class", "small").close("tr").newline();
            }
            h.close("tbody").close("table").newline();
        }
        if (!host.decoys().isEmpty()) {
            h.element("h3", t.msg("section.decoys")).open("ul", "class", "decoys");
            for (DecoyActivity.Attempts a : host.decoys()) h.element("li", TextRenderer.decoyLine(a, t));
            h.close("ul").newline();
        }
        List<String> notes = new ArrayList<>();
        for (AssessedPort p : host.ports()) for (String n : p.port().notes()) notes.add(label(p.port()) + ": " + n);
        if (!notes.isEmpty()) {
            h.element("h3", t.msg("report.notes")).open("ul");
            for (String n : notes) h.element("li", n);
            h.close("ul").newline();
        }
        List<PortReport> udp = SideBySide.udpWithoutReply(host);
        if (!udp.isEmpty()) {
            h.element("p", t.msg("report.udp_no_reply", udp.stream().map(p -> String.valueOf(p.port()))
                    .collect(Collectors.joining(", "))), "class", "muted small");
        }
        h.element("p", t.msg("report.counts", host.host().counts().closed(), host.host().counts().filtered()), "class", "muted small");
        h.close("section").newline();
    }

    private static void finding(AssessedPort p, AssessedFinding f, Texts t, HtmlBuilder h) {
        String id = f.finding().id();
        h.open("div", "class", "block " + f.effectiveRisk().label()).open("h4").open("span", "class", "port").text(label(p.port()))
                .close("span").text("  " + t.findingTitle(id) + "  ");
        risk(h, t, f.stockRisk());
        h.close("h4");
        if (f.owner() != null) {
            h.open("div", "class", "owner-note");
            owner(h, t, f.owner(), null);
            h.close("div");
        }
        h.element("div", t.msg("col.evidence"), "class", "label").element("pre", Printable.clean(f.finding().evidence()), "class", "evidence");
        t.finding(id).ifPresent(text -> {
            h.element("div", t.msg("col.why"), "class", "label").element("p", text.why());
            h.element("div", t.msg("col.advice"), "class", "label").element("p", text.advice());
        });
        h.close("div").newline();
    }

    private static void checklist(CheckReport report, Texts t, HtmlBuilder h) {
        h.element("h2", t.msg("section.checklist")).newline();
        h.open("ul", "class", "checklist");
        for (String item : t.checklist(report.checklist())) {
            h.open("li").markup("<span class=\"box\"></span>").text(item).close("li").newline();
        }
        h.close("ul").newline();
    }

    static void risk(HtmlBuilder h, Texts t, Risk risk) {
        h.element("span", t.risk(risk), "class", "risk risk-" + risk.label());
    }

    /** The owner's rating, marked as the owner's, and the note; with the host when views differ. */
    static void owner(HtmlBuilder h, Texts t, OwnerView view, @Nullable String host) {
        h.open("div").element("span", t.msg("owner.mark"), "class", "owner-tag");
        risk(h, t, view.risk());
        if (host != null) h.text(" " + host);
        h.element("div", view.note(), "class", "owner-note").close("div");
    }

    private static String label(PortReport p) {
        return p.port() + "/" + p.protocol().label();
    }

    /** A state label as a CSS class name ({@code open|filtered} → {@code open-filtered}). */
    static String cssName(String state) {
        return state.replace('|', '-');
    }
}
