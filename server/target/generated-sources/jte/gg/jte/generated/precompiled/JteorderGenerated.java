package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
import dev.vantage.server.data.Order;
@SuppressWarnings("unchecked")
public final class JteorderGenerated {
	public static final String JTE_NAME = "order.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,2,2,2,6,6,6,7,7,7,7,7,7,10,10,10,10,10,10,10,10,10,10,11,11,11,11,11,11,12,12,13,13,13,13,13,13,14,14,15,15,15,15,15,15,16,16,17,17,17,17,17,17,18,18,19,20,20,20,20,20,20,21,21,23,23,24,24,24,24,24,24,24,24,24,24,24,24,25,25,25,25,25,25,26,26,26,26,26,26,26,26,26,26,26,26,26,26,26,26,27,27,28,29,29,29,30,30,31,32,32,32,32,32,32,32,33,33,35,35,35,35,35,35,35,36,36,36,37,37,37,2,3,4,5,5,5,5};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, Order o, String host, String reportId) {
		gg.jte.generated.precompiled.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, p, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(p.t("ui.order.title"));
				jteOutput.writeContent(" <span class=\"muted\">");
				jteOutput.setContext("span", null);
				jteOutput.writeUserContent(host);
				jteOutput.writeContent("</span></h1>\n<section class=\"card\">\n<dl class=\"facts\">\n<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.col.status"));
				jteOutput.writeContent("</dt><dd><strong id=\"status\" class=\"status-");
				jteOutput.setContext("strong", "class");
				jteOutput.writeUserContent(o.status());
				jteOutput.setContext("strong", null);
				jteOutput.writeContent("\">");
				jteOutput.setContext("strong", null);
				jteOutput.writeUserContent(p.status(o.status()));
				jteOutput.writeContent("</strong></dd>\n<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.col.level"));
				jteOutput.writeContent("</dt><dd>");
				jteOutput.setContext("dd", null);
				jteOutput.writeUserContent(p.level(o.level()));
				jteOutput.writeContent("</dd>\n");
				if (o.ports() != null) {
					jteOutput.writeContent("<dt>");
					jteOutput.setContext("dt", null);
					jteOutput.writeUserContent(p.t("ui.field.ports"));
					jteOutput.writeContent("</dt><dd class=\"mono\">");
					jteOutput.setContext("dd", null);
					jteOutput.writeUserContent(o.ports());
					jteOutput.writeContent("</dd>\n");
				}
				jteOutput.writeContent("<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.col.ordered"));
				jteOutput.writeContent("</dt><dd>");
				jteOutput.setContext("dd", null);
				jteOutput.writeUserContent(p.when(o.createdAt()));
				jteOutput.writeContent("</dd>\n");
				if (o.startedAt() != null) {
					jteOutput.writeContent("<dt>");
					jteOutput.setContext("dt", null);
					jteOutput.writeUserContent(p.t("ui.col.started"));
					jteOutput.writeContent("</dt><dd>");
					jteOutput.setContext("dd", null);
					jteOutput.writeUserContent(p.when(o.startedAt()));
					jteOutput.writeContent("</dd>\n");
				}
				if (o.finishedAt() != null) {
					jteOutput.writeContent("<dt>");
					jteOutput.setContext("dt", null);
					jteOutput.writeUserContent(p.t("ui.col.finished"));
					jteOutput.writeContent("</dt><dd>");
					jteOutput.setContext("dd", null);
					jteOutput.writeUserContent(p.when(o.finishedAt()));
					jteOutput.writeContent("</dd>\n");
				}
				jteOutput.writeContent("</dl>\n");
				if (!o.finished()) {
					jteOutput.writeContent("<progress id=\"progress\" max=\"100\"");
					var __jte_html_attribute_0 = o.progress();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
						jteOutput.writeContent(" value=\"");
						jteOutput.setContext("progress", "value");
						jteOutput.writeUserContent(__jte_html_attribute_0);
						jteOutput.setContext("progress", null);
						jteOutput.writeContent("\"");
					}
					jteOutput.writeContent(">");
					jteOutput.setContext("progress", null);
					jteOutput.writeUserContent(o.progress());
					jteOutput.writeContent("%</progress>\n<p class=\"small muted\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.order.progress", o.progress()));
					jteOutput.writeContent(" ");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.order.refreshing"));
					jteOutput.writeContent("</p>\n<form method=\"post\" action=\"/orders/");
					jteOutput.setContext("form", "action");
					jteOutput.writeUserContent(o.id());
					jteOutput.setContext("form", null);
					jteOutput.writeContent("/cancel\"><input type=\"hidden\" name=\"csrf\"");
					var __jte_html_attribute_1 = p.csrf();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
						jteOutput.writeContent(" value=\"");
						jteOutput.setContext("input", "value");
						jteOutput.writeUserContent(__jte_html_attribute_1);
						jteOutput.setContext("input", null);
						jteOutput.writeContent("\"");
					}
					jteOutput.writeContent("><button type=\"submit\" class=\"danger\" id=\"cancel\">");
					jteOutput.setContext("button", null);
					jteOutput.writeUserContent(p.t("ui.order.cancel"));
					jteOutput.writeContent("</button></form>\n");
				}
				if (o.error() != null) {
					jteOutput.writeContent("<p class=\"error\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(o.error());
					jteOutput.writeContent("</p>\n");
				}
				if (!reportId.isEmpty()) {
					jteOutput.writeContent("<p><a class=\"button\" href=\"/reports/");
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(reportId);
					jteOutput.setContext("a", null);
					jteOutput.writeContent("\" id=\"view-report\">");
					jteOutput.setContext("a", null);
					jteOutput.writeUserContent(p.t("ui.order.view_report"));
					jteOutput.writeContent("</a></p>\n");
				}
				jteOutput.writeContent("</section>\n<p><a href=\"/targets/");
				jteOutput.setContext("a", "href");
				jteOutput.writeUserContent(o.targetId());
				jteOutput.setContext("a", null);
				jteOutput.writeContent("\">← ");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(p.t("ui.order.back_to_target"));
				jteOutput.writeContent("</a></p>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page p = (Page)params.get("p");
		Order o = (Order)params.get("o");
		String host = (String)params.get("host");
		String reportId = (String)params.get("reportId");
		render(jteOutput, jteHtmlInterceptor, p, o, host, reportId);
	}
}
