package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
import dev.vantage.server.web.ReportView;
import dev.vantage.server.data.ReportInfo;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.AssessedPort;
import dev.vantage.assess.AssessedFinding;
import dev.vantage.assess.Deviation;
import dev.vantage.report.diff.HostDiff;
import dev.vantage.report.diff.Change;
import java.util.List;
@SuppressWarnings("unchecked")
public final class JtereportGenerated {
	public static final String JTE_NAME = "report.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,3,4,5,6,7,8,9,10,11,12,12,12,12,19,19,19,20,20,20,20,20,20,21,21,21,24,24,24,24,24,24,25,25,25,25,25,25,26,26,26,26,26,26,27,27,27,27,27,27,27,27,27,27,28,28,28,28,28,28,30,30,30,31,31,31,31,31,31,31,32,32,33,33,33,33,33,33,33,33,33,33,33,34,34,37,37,39,39,39,39,39,39,39,39,39,39,40,40,41,41,41,42,42,44,44,44,44,44,44,44,44,44,44,44,44,46,46,48,48,48,48,48,48,49,49,49,50,50,50,51,51,52,52,52,52,52,52,52,52,52,52,52,52,52,53,53,55,55,55,55,55,55,55,57,57,60,60,61,62,62,62,64,64,65,65,65,65,65,65,65,65,65,65,65,65,66,66,68,68,70,70,72,72,72,73,73,74,74,74,75,75,76,76,76,77,77,78,79,80,80,80,81,81,82,82,82,83,83,84,84,84,85,85,88,88,89,89,89,89,89,89,90,90,92,92,93,94,96,96,96,96,96,96,96,97,97,97,98,98,98,12,13,14,15,16,17,18,18,18,18};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, ReportInfo r, CheckReport report, OwnedTarget target, boolean hasPrevious, List<HostDiff> changes, List<String> formats) {
		gg.jte.generated.precompiled.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, p, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(p.t("ui.report.title"));
				jteOutput.writeContent(" <span class=\"muted\">");
				jteOutput.setContext("span", null);
				jteOutput.writeUserContent(target.host());
				jteOutput.writeContent("</span></h1>\n<p class=\"small muted\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("report.confidential"));
				jteOutput.writeContent("</p>\n<section class=\"card\">\n<dl class=\"facts\">\n<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.col.checked"));
				jteOutput.writeContent("</dt><dd>");
				jteOutput.setContext("dd", null);
				jteOutput.writeUserContent(p.when(r.createdAt()));
				jteOutput.writeContent("</dd>\n<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.col.level"));
				jteOutput.writeContent("</dt><dd>");
				jteOutput.setContext("dd", null);
				jteOutput.writeUserContent(p.level(report.run().level()));
				jteOutput.writeContent("</dd>\n<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("report.ports_checked"));
				jteOutput.writeContent("</dt><dd class=\"mono\">");
				jteOutput.setContext("dd", null);
				jteOutput.writeUserContent(report.run().ports());
				jteOutput.writeContent("</dd>\n<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.col.highest_risk"));
				jteOutput.writeContent("</dt><dd><span class=\"badge risk-");
				jteOutput.setContext("span", "class");
				jteOutput.writeUserContent(r.highestRisk());
				jteOutput.setContext("span", null);
				jteOutput.writeContent("\" id=\"highest-risk\">");
				jteOutput.setContext("span", null);
				jteOutput.writeUserContent(p.risk(r.highestRisk()));
				jteOutput.writeContent("</span></dd>\n<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.col.open_ports"));
				jteOutput.writeContent("</dt><dd id=\"open-ports\">");
				jteOutput.setContext("dd", null);
				jteOutput.writeUserContent(r.openPorts());
				jteOutput.writeContent("</dd>\n</dl>\n<p class=\"downloads small\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.report.downloads"));
				jteOutput.writeContent("\n<a href=\"/reports/");
				jteOutput.setContext("a", "href");
				jteOutput.writeUserContent(r.id());
				jteOutput.setContext("a", null);
				jteOutput.writeContent("/full\" id=\"full-report\">");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(p.t("ui.report.full"));
				jteOutput.writeContent("</a>\n");
				for (String f : formats) {
					jteOutput.writeContent("<a href=\"/reports/");
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(r.id());
					jteOutput.setContext("a", null);
					jteOutput.writeContent("/download/");
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(f);
					jteOutput.setContext("a", null);
					jteOutput.writeContent("\">");
					jteOutput.setContext("a", null);
					jteOutput.writeUserContent(f.toUpperCase());
					jteOutput.writeContent("</a>\n");
				}
				jteOutput.writeContent("</p>\n</section>\n");
				for (AssessedHost h : report.hosts()) {
					jteOutput.writeContent("<section class=\"card host\">\n<h2><span class=\"mono\">");
					jteOutput.setContext("span", null);
					jteOutput.writeUserContent(h.label());
					jteOutput.writeContent("</span>");
					if (!h.label().equals(h.host().target().addressText())) {
						jteOutput.writeContent("<span class=\"small muted mono\">");
						jteOutput.setContext("span", null);
						jteOutput.writeUserContent(h.host().target().addressText());
						jteOutput.writeContent("</span>");
					}
					jteOutput.writeContent("</h2>\n");
					if (h.ports().isEmpty()) {
						jteOutput.writeContent("<p class=\"muted\">");
						jteOutput.setContext("p", null);
						jteOutput.writeUserContent(p.t("report.no_open_ports"));
						jteOutput.writeContent("</p>\n");
					} else {
						jteOutput.writeContent("<table class=\"ports\">\n<thead><tr><th>");
						jteOutput.setContext("th", null);
						jteOutput.writeUserContent(p.t("col.port"));
						jteOutput.writeContent("</th><th>");
						jteOutput.setContext("th", null);
						jteOutput.writeUserContent(p.t("col.state"));
						jteOutput.writeContent("</th><th>");
						jteOutput.setContext("th", null);
						jteOutput.writeUserContent(p.t("col.service"));
						jteOutput.writeContent("</th><th>");
						jteOutput.setContext("th", null);
						jteOutput.writeUserContent(p.t("col.risk"));
						jteOutput.writeContent("</th></tr></thead>\n<tbody>\n");
						for (AssessedPort ap : h.ports()) {
							jteOutput.writeContent("<tr>\n<td class=\"mono\">");
							jteOutput.setContext("td", null);
							jteOutput.writeUserContent(ap.port().port());
							jteOutput.writeContent("/");
							jteOutput.setContext("td", null);
							jteOutput.writeUserContent(ap.port().protocol().label());
							jteOutput.writeContent("</td>\n<td>");
							jteOutput.setContext("td", null);
							jteOutput.writeUserContent(ReportView.state(ap, p));
							jteOutput.writeContent("</td>\n<td>");
							jteOutput.setContext("td", null);
							jteOutput.writeUserContent(ReportView.service(ap, p));
							jteOutput.writeContent("\n");
							for (AssessedFinding f : ap.findings()) {
								jteOutput.writeContent("<div class=\"small\"><span class=\"badge risk-");
								jteOutput.setContext("span", "class");
								jteOutput.writeUserContent(f.stockRisk().label());
								jteOutput.setContext("span", null);
								jteOutput.writeContent("\">");
								jteOutput.setContext("span", null);
								jteOutput.writeUserContent(p.risk(f.stockRisk().label()));
								jteOutput.writeContent("</span> ");
								jteOutput.setContext("div", null);
								jteOutput.writeUserContent(p.texts().findingTitle(f.finding().id()));
								jteOutput.writeContent(" <span class=\"muted\">");
								jteOutput.setContext("span", null);
								jteOutput.writeUserContent(ReportView.evidence(f.finding().evidence()));
								jteOutput.writeContent("</span></div>\n");
							}
							jteOutput.writeContent("</td>\n<td><span class=\"badge risk-");
							jteOutput.setContext("span", "class");
							jteOutput.writeUserContent(ap.effectiveRisk().label());
							jteOutput.setContext("span", null);
							jteOutput.writeContent("\">");
							jteOutput.setContext("span", null);
							jteOutput.writeUserContent(p.risk(ap.effectiveRisk().label()));
							jteOutput.writeContent("</span></td>\n</tr>\n");
						}
						jteOutput.writeContent("</tbody>\n</table>\n");
					}
					if (!h.deviations().isEmpty()) {
						jteOutput.writeContent("<h3>");
						jteOutput.setContext("h3", null);
						jteOutput.writeUserContent(p.t("section.deviations"));
						jteOutput.writeContent("</h3>\n<ul>\n");
						for (Deviation d : h.deviations()) {
							jteOutput.writeContent("<li><span class=\"mono\">");
							jteOutput.setContext("span", null);
							jteOutput.writeUserContent(d.port());
							jteOutput.writeContent("/");
							jteOutput.setContext("span", null);
							jteOutput.writeUserContent(d.protocol());
							jteOutput.writeContent("</span> ");
							jteOutput.setContext("li", null);
							jteOutput.writeUserContent(p.t("ui.deviation." + d.kind()));
							jteOutput.writeContent(" <span class=\"muted small\">");
							jteOutput.setContext("span", null);
							jteOutput.writeUserContent(ReportView.evidence(d.detail()));
							jteOutput.writeContent("</span></li>\n");
						}
						jteOutput.writeContent("</ul>\n");
					}
					jteOutput.writeContent("</section>\n");
				}
				jteOutput.writeContent("<section class=\"card\" id=\"changes\">\n<h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(p.t("ui.report.changes"));
				jteOutput.writeContent("</h2>\n");
				if (!hasPrevious) {
					jteOutput.writeContent("<p class=\"muted\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.report.first"));
					jteOutput.writeContent("</p>\n");
				} else if (changes.stream().allMatch(HostDiff::isEmpty)) {
					jteOutput.writeContent("<p class=\"muted\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("diff.none"));
					jteOutput.writeContent("</p>\n");
				} else {
					for (HostDiff hd : changes) {
						if (!hd.isEmpty()) {
							jteOutput.writeContent("<h3 class=\"mono\">");
							jteOutput.setContext("h3", null);
							jteOutput.writeUserContent(hd.label());
							jteOutput.writeContent("\n");
							if (hd.presence() == HostDiff.Presence.NEW) {
								jteOutput.writeContent("<span class=\"small\">— ");
								jteOutput.setContext("span", null);
								jteOutput.writeUserContent(p.t("diff.host_new"));
								jteOutput.writeContent("</span>\n");
							} else if (hd.presence() == HostDiff.Presence.GONE) {
								jteOutput.writeContent("<span class=\"small\">— ");
								jteOutput.setContext("span", null);
								jteOutput.writeUserContent(p.t("diff.host_gone"));
								jteOutput.writeContent("</span>\n");
							}
							jteOutput.writeContent("</h3>\n<ul class=\"changes\">\n");
							for (Change c : hd.changes()) {
								jteOutput.writeContent("<li><span class=\"sign\">");
								jteOutput.setContext("span", null);
								jteOutput.writeUserContent(ReportView.sign(c));
								jteOutput.writeContent("</span>");
								jteOutput.setContext("li", null);
								jteOutput.writeUserContent(ReportView.describe(c, p));
								jteOutput.writeContent("</li>\n");
							}
							jteOutput.writeContent("</ul>\n");
						}
					}
				}
				jteOutput.writeContent("</section>\n<p><a href=\"/targets/");
				jteOutput.setContext("a", "href");
				jteOutput.writeUserContent(target.id());
				jteOutput.setContext("a", null);
				jteOutput.writeContent("#history\">← ");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(p.t("ui.report.back_to_history"));
				jteOutput.writeContent("</a></p>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page p = (Page)params.get("p");
		ReportInfo r = (ReportInfo)params.get("r");
		CheckReport report = (CheckReport)params.get("report");
		OwnedTarget target = (OwnedTarget)params.get("target");
		boolean hasPrevious = (boolean)params.get("hasPrevious");
		List<HostDiff> changes = (List<HostDiff>)params.get("changes");
		List<String> formats = (List<String>)params.get("formats");
		render(jteOutput, jteHtmlInterceptor, p, r, report, target, hasPrevious, changes, formats);
	}
}
