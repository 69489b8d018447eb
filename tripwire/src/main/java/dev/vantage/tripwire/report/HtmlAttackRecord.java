package dev.vantage.tripwire.report;

import dev.vantage.report.render.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * The attack record as one self-contained HTML page for publishing: inline CSS and SVG charts,
 * no script, no external resource (a Content-Security-Policy says so to the browser too).
 */
public final class HtmlAttackRecord {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",Meiryo,sans-serif;color:#222;
            margin:0;background:#fafafa;line-height:1.5}
            main{max-width:60rem;margin:0 auto;padding:1.5rem;background:#fff}
            h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
            table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem}th,td{border-bottom:1px solid #e4e4e4;padding:.25rem .6rem;
            text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
            code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88rem;word-break:break-all}
            .note{color:#555;font-size:.92rem}.warn{color:#8a1c00;font-weight:600}
            footer{margin-top:2rem;color:#777;font-size:.85rem}details{margin:.5rem 0}
            """;

    private HtmlAttackRecord() {}

    public static String render(AttackRecord r, Texts t) {
        StringBuilder s = new StringBuilder(32 * 1024);
        s.append("<!DOCTYPE html>\n<html lang=\"").append(t.lang().code()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(t.msg("tripwire.title"))).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        s.append("<h1>").append(e(t.msg("tripwire.title"))).append("</h1>\n");
        s.append("<p>").append(e(t.msg("tripwire.about"))).append("</p>\n");
        facts(s, r, t);
        s.append("<p class=\"").append(r.dropped() == 0 ? "note" : "warn").append("\">").append(e(AttackRecordLabels.dropped(r, t))).append("</p>\n");
        s.append("<p class=\"note\">").append(e(t.msg(r.masked() ? "tripwire.masked" : "tripwire.unmasked"))).append("</p>\n");
        if (r.attempts() == 0) s.append("<p>").append(e(t.msg("tripwire.no_events"))).append("</p>\n");
        ports(s, r, t);
        days(s, r, t);
        sources(s, r, t);
        texts(s, t.msg("tripwire.top_users"), t.msg("tripwire.col.user"), t, r.users());
        texts(s, t.msg("tripwire.top_lines"), t.msg("tripwire.col.first_line"), t, r.firstLines());
        runs(s, r, t);
        s.append("<footer>").append(e(t.msg("tripwire.footer"))).append(' ').append(e(t.msg("tripwire.generated"))).append(": ")
                .append(e(t.when(r.generatedAt()))).append("</footer>\n</main>\n</body>\n</html>\n");
        return s.toString();
    }

    private static void facts(StringBuilder s, AttackRecord r, Texts t) {
        s.append("<dl class=\"facts\">\n");
        fact(s, t.msg("tripwire.period"), AttackRecordLabels.period(r, t));
        fact(s, t.msg("tripwire.attempts"), String.valueOf(r.attempts()));
        fact(s, t.msg("tripwire.sources"), String.valueOf(r.sources()));
        if (r.firstSeen() != null) fact(s, t.msg("tripwire.first_seen"), t.when(r.firstSeen()));
        if (r.lastSeen() != null) fact(s, t.msg("tripwire.last_seen"), t.when(r.lastSeen()));
        fact(s, t.msg("tripwire.dropped"), String.valueOf(r.dropped()));
        s.append("</dl>\n");
    }

    private static void fact(StringBuilder s, String name, String value) {
        s.append("<dt>").append(e(name)).append("</dt><dd>").append(e(value)).append("</dd>\n");
    }

    private static void ports(StringBuilder s, AttackRecord r, Texts t) {
        if (r.ports().isEmpty()) return;
        s.append("<h2>").append(e(t.msg("tripwire.by_port"))).append("</h2>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (AttackRecord.PortRow p : r.ports()) {
            String label = p.port() + (p.service() == null ? "" : " " + t.serviceName(p.service()));
            bars.add(new SvgCharts.Bar(label, p.attempts(), label + ": " + p.attempts()));
        }
        s.append(SvgCharts.horizontal(bars, t.msg("tripwire.by_port"))).append('\n');
        s.append("<table><thead><tr>");
        th(s, t.msg("tripwire.col.port"), t.msg("tripwire.col.service"), t.msg("tripwire.attempts"), t.msg("tripwire.sources"),
                t.msg("tripwire.first_seen"), t.msg("tripwire.last_seen"));
        s.append("</tr></thead><tbody>\n");
        for (AttackRecord.PortRow p : r.ports()) {
            s.append("<tr>");
            num(s, p.port());
            td(s, AttackRecordLabels.service(p, t));
            num(s, p.attempts());
            num(s, p.sources());
            td(s, t.when(p.firstSeen()));
            td(s, t.when(p.lastSeen()));
            s.append("</tr>\n");
        }
        s.append("</tbody></table>\n");
    }

    private static void days(StringBuilder s, AttackRecord r, Texts t) {
        if (r.days().isEmpty()) return;
        s.append("<h2>").append(e(t.msg("tripwire.by_day"))).append("</h2>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (AttackRecord.DayRow d : r.days()) bars.add(new SvgCharts.Bar(d.day().toString(), d.attempts(), d.day() + ": " + d.attempts()));
        s.append(SvgCharts.columns(bars, t.msg("tripwire.by_day"))).append('\n');
        s.append("<details><summary>").append(e(t.msg("tripwire.by_day"))).append("</summary><table><thead><tr>");
        th(s, t.msg("tripwire.col.day"), t.msg("tripwire.attempts"), t.msg("tripwire.sources"));
        s.append("</tr></thead><tbody>\n");
        for (AttackRecord.DayRow d : r.days()) {
            if (d.attempts() == 0) continue;
            s.append("<tr>");
            td(s, d.day().toString());
            num(s, d.attempts());
            num(s, d.sources());
            s.append("</tr>\n");
        }
        s.append("</tbody></table></details>\n");
    }

    private static void sources(StringBuilder s, AttackRecord r, Texts t) {
        if (r.topSources().isEmpty()) return;
        s.append("<h2>").append(e(t.msg("tripwire.top_sources"))).append("</h2>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (AttackRecord.SourceRow x : r.topSources()) bars.add(new SvgCharts.Bar(x.source(), x.attempts(), x.source() + ": " + x.attempts()));
        s.append(SvgCharts.horizontal(bars, t.msg("tripwire.top_sources"))).append('\n');
        s.append("<table><thead><tr>");
        th(s, t.msg("tripwire.col.source"), t.msg("tripwire.attempts"), t.msg("tripwire.col.ports"), t.msg("tripwire.first_seen"),
                t.msg("tripwire.last_seen"));
        s.append("</tr></thead><tbody>\n");
        for (AttackRecord.SourceRow x : r.topSources()) {
            s.append("<tr><td><code>").append(e(x.source())).append("</code></td>");
            num(s, x.attempts());
            num(s, x.ports());
            td(s, t.when(x.firstSeen()));
            td(s, t.when(x.lastSeen()));
            s.append("</tr>\n");
        }
        s.append("</tbody></table>\n");
    }

    private static void texts(StringBuilder s, String title, String header, Texts t, List<AttackRecord.TextRow> rows) {
        if (rows.isEmpty()) return;
        s.append("<h2>").append(e(title)).append("</h2>\n<table><thead><tr>");
        th(s, t.msg("tripwire.col.count"), header);
        s.append("</tr></thead><tbody>\n");
        for (AttackRecord.TextRow x : rows) {
            s.append("<tr>");
            num(s, x.count());
            s.append("<td><code>").append(e(x.text())).append("</code></td></tr>\n");
        }
        s.append("</tbody></table>\n");
    }

    private static void runs(StringBuilder s, AttackRecord r, Texts t) {
        if (r.runs().isEmpty()) return;
        s.append("<h2>").append(e(t.msg("tripwire.runs"))).append("</h2>\n<table><thead><tr>");
        th(s, t.msg("tripwire.col.from"), t.msg("tripwire.col.until"), t.msg("tripwire.col.watched"));
        s.append("</tr></thead><tbody>\n");
        for (AttackRecord.RunRow run : r.runs()) {
            s.append("<tr>");
            td(s, t.when(run.from()));
            td(s, AttackRecordLabels.until(run, r, t));
            td(s, run.ports());
            s.append("</tr>\n");
        }
        s.append("</tbody></table>\n");
    }

    private static void th(StringBuilder s, String... headers) {
        for (String h : headers) s.append("<th>").append(e(h)).append("</th>");
    }

    private static void td(StringBuilder s, String text) {
        s.append("<td>").append(e(text)).append("</td>");
    }

    private static void num(StringBuilder s, long n) {
        s.append("<td class=\"n\">").append(n).append("</td>");
    }

    private static String e(String s) {
        return Html.escape(s);
    }
}
