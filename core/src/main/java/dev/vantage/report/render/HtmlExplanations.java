package dev.vantage.report.render;

import dev.vantage.assess.AssessedPort;
import dev.vantage.probe.Service;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The HTML report's explanations, one block per answering port, as the ISP's report explained
 * each protocol: where it answers and what software, what the service does, its threats, why it
 * got its rating (the steps: service default, raised by a finding, lowered because
 * open-restricted; then the knowledge base's reasoning), the owner's view beside the stock
 * rating, and what to do.
 */
final class HtmlExplanations {
    private HtmlExplanations() {}

    static void write(SideBySide grid, Texts t, HtmlBuilder h) {
        h.element("h2", t.msg("section.advice")).newline();
        for (SideBySide.Row row : grid.rows()) {
            String key = row.serviceKey();
            h.open("div", "class", "block " + row.stockRisk().label()).open("h3").open("span", "class", "port").text(row.label())
                    .close("span").text("  " + t.serviceName(key) + "  ");
            HtmlRenderer.risk(h, t, row.stockRisk());
            h.close("h3").open("table", "class", "facts").open("tbody");
            h.open("tr").element("th", t.msg("report.where")).open("td");
            for (int i = 0; i < grid.hosts().size(); i++) {
                SideBySide.Cell c = row.cells().get(i);
                if (!c.reachable()) continue;
                h.open("div").text(grid.hosts().get(i).label() + ": " + t.state(c.state()) + software(c.port().port().service()))
                        .close("div");
            }
            h.close("td").close("tr");
            t.service(key).ifPresent(s -> {
                fact(h, t.msg("col.function"), s.function());
                fact(h, t.msg("col.threats"), s.threats());
            });
            h.open("tr").element("th", t.msg("col.why")).open("td");
            whyRows(grid, row, t, h);
            t.service(key).ifPresent(s -> h.element("p", s.why(), "class", "muted small"));
            h.close("td").close("tr");
            List<SideBySide.HostView> views = grid.ownerViews(row);
            if (!views.isEmpty()) {
                h.open("tr").element("th", t.msg("col.owner_view")).open("td", "class", "owner");
                boolean same = views.stream().map(SideBySide.HostView::view).distinct().count() == 1;
                for (SideBySide.HostView v : same ? views.subList(0, 1) : views) HtmlRenderer.owner(h, t, v.view(), same ? null : v.host());
                h.open("div", "class", "muted small").text(t.msg("owner.stock_rating") + ": " + t.risk(row.stockRisk())).close("div");
                h.close("td").close("tr");
            }
            t.service(key).ifPresent(s -> fact(h, t.msg("col.advice"), s.advice()));
            h.close("tbody").close("table").close("div").newline();
        }
    }

    /** The steps behind the rating, once when every host got there the same way, else per host. */
    private static void whyRows(SideBySide grid, SideBySide.Row row, Texts t, HtmlBuilder h) {
        List<AssessedPort> reachable = row.reachable();
        boolean same = reachable.stream().map(AssessedPort::steps).distinct().count() <= 1;
        h.open("ul");
        for (int i = 0; i < grid.hosts().size(); i++) {
            SideBySide.Cell c = row.cells().get(i);
            if (!c.reachable()) continue;
            String prefix = same ? "" : grid.hosts().get(i).label() + ": ";
            h.element("li", prefix + String.join(" ", t.reasons(c.port().steps())));
            if (same) break;
        }
        h.close("ul");
    }

    private static void fact(HtmlBuilder h, String label, String text) {
        if (text.isBlank()) return;
        h.open("tr").element("th", label).element("td", text).close("tr");
    }

    private static String software(@Nullable Service s) {
        if (s == null || s.product() == null) return "";
        return " — " + Printable.oneLine(s.describe());
    }
}
