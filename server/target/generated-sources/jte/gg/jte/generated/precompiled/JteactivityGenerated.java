package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
import dev.vantage.server.data.AuditEntry;
import java.util.List;
@SuppressWarnings("unchecked")
public final class JteactivityGenerated {
	public static final String JTE_NAME = "activity.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,3,3,3,3,5,5,5,6,6,6,8,8,8,10,10,10,10,10,10,10,10,10,10,10,10,12,12,14,14,14,15,15,15,15,15,15,15,15,15,15,15,15,15,15,15,15,15,15,15,15,16,16,16,16,16,16,16,16,16,17,17,17,19,19,23,23,23,24,24,24,3,4,4,4,4};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, List<AuditEntry> entries) {
		gg.jte.generated.precompiled.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, p, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(p.t("ui.activity.title"));
				jteOutput.writeContent("</h1>\n<section class=\"card\">\n<p class=\"muted\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.activity.intro"));
				jteOutput.writeContent("</p>\n<table>\n<thead><tr><th>");
				jteOutput.setContext("th", null);
				jteOutput.writeUserContent(p.t("ui.col.when"));
				jteOutput.writeContent("</th><th>");
				jteOutput.setContext("th", null);
				jteOutput.writeUserContent(p.t("ui.col.action"));
				jteOutput.writeContent("</th><th>");
				jteOutput.setContext("th", null);
				jteOutput.writeUserContent(p.t("ui.col.subject"));
				jteOutput.writeContent("</th><th>");
				jteOutput.setContext("th", null);
				jteOutput.writeUserContent(p.t("ui.col.from"));
				jteOutput.writeContent("</th></tr></thead>\n<tbody>\n");
				for (AuditEntry e : entries) {
					jteOutput.writeContent("<tr>\n<td class=\"small nowrap\">");
					jteOutput.setContext("td", null);
					jteOutput.writeUserContent(p.when(e.at()));
					jteOutput.writeContent("</td>\n<td");
					var __jte_html_attribute_0 = e.action();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
						jteOutput.writeContent(" title=\"");
						jteOutput.setContext("td", "title");
						jteOutput.writeUserContent(__jte_html_attribute_0);
						jteOutput.setContext("td", null);
						jteOutput.writeContent("\"");
					}
					var __jte_html_attribute_1 = e.action();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
						jteOutput.writeContent(" data-action=\"");
						jteOutput.setContext("td", "data-action");
						jteOutput.writeUserContent(__jte_html_attribute_1);
						jteOutput.setContext("td", null);
						jteOutput.writeContent("\"");
					}
					jteOutput.writeContent(">");
					jteOutput.setContext("td", null);
					jteOutput.writeUserContent(p.action(e.action()));
					jteOutput.writeContent("</td>\n<td class=\"mono small\">");
					jteOutput.setContext("td", null);
					jteOutput.writeUserContent(e.subject() == null ? "" : e.subject());
					if (e.detail() != null) {
						jteOutput.writeContent(" <span class=\"muted\">");
						jteOutput.setContext("span", null);
						jteOutput.writeUserContent(e.detail());
						jteOutput.writeContent("</span>");
					}
					jteOutput.writeContent("</td>\n<td class=\"mono small nowrap\">");
					jteOutput.setContext("td", null);
					jteOutput.writeUserContent(e.sourceIp() == null ? "—" : e.sourceIp());
					jteOutput.writeContent("</td>\n</tr>\n");
				}
				jteOutput.writeContent("</tbody>\n</table>\n</section>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page p = (Page)params.get("p");
		List<AuditEntry> entries = (List<AuditEntry>)params.get("entries");
		render(jteOutput, jteHtmlInterceptor, p, entries);
	}
}
