package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.Order;
import java.util.List;
import java.util.Map;
@SuppressWarnings("unchecked")
public final class JtedashboardGenerated {
	public static final String JTE_NAME = "dashboard.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,3,4,5,5,5,5,10,10,10,11,11,11,13,13,13,14,14,15,15,15,16,16,18,18,18,18,18,18,18,18,18,20,20,22,22,22,22,22,22,22,24,24,25,25,25,26,26,27,27,27,28,28,30,30,30,32,32,35,35,37,37,37,37,37,37,37,37,37,40,40,40,41,41,41,41,41,41,41,41,41,43,43,43,45,45,45,49,49,49,50,50,51,51,51,52,52,54,54,54,54,54,54,54,54,54,54,54,54,56,56,58,58,58,59,59,59,60,60,60,60,60,60,60,60,60,60,60,61,61,61,63,63,66,66,68,68,68,69,69,69,5,6,7,8,9,9,9,9};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, List<OwnedTarget> targets, List<Order> orders, Map<String, String> hosts, String host) {
		gg.jte.generated.precompiled.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, p, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(p.t("ui.dashboard.title"));
				jteOutput.writeContent("</h1>\n<section class=\"card\">\n<h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(p.t("ui.dashboard.targets"));
				jteOutput.writeContent("</h2>\n");
				if (targets.isEmpty()) {
					jteOutput.writeContent("<p class=\"muted\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.dashboard.no_targets"));
					jteOutput.writeContent("</p>\n");
				} else {
					jteOutput.writeContent("<table id=\"targets\">\n<thead><tr><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.host"));
					jteOutput.writeContent("</th><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.control"));
					jteOutput.writeContent("</th><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.added"));
					jteOutput.writeContent("</th></tr></thead>\n<tbody>\n");
					for (OwnedTarget t : targets) {
						jteOutput.writeContent("<tr>\n<td><a href=\"/targets/");
						jteOutput.setContext("a", "href");
						jteOutput.writeUserContent(t.id());
						jteOutput.setContext("a", null);
						jteOutput.writeContent("\" class=\"mono\">");
						jteOutput.setContext("a", null);
						jteOutput.writeUserContent(t.host());
						jteOutput.writeContent("</a></td>\n<td>\n");
						if (t.verified()) {
							jteOutput.writeContent("<span class=\"ok\">✓ ");
							jteOutput.setContext("span", null);
							jteOutput.writeUserContent(p.t("ui.proof.method." + t.verifiedMethod()));
							jteOutput.writeContent("</span>\n");
						} else {
							jteOutput.writeContent("<span class=\"muted\">");
							jteOutput.setContext("span", null);
							jteOutput.writeUserContent(p.t("ui.target.unverified"));
							jteOutput.writeContent("</span>\n");
						}
						jteOutput.writeContent("</td>\n<td class=\"small\">");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(p.when(t.createdAt()));
						jteOutput.writeContent("</td>\n</tr>\n");
					}
					jteOutput.writeContent("</tbody>\n</table>\n");
				}
				jteOutput.writeContent("<form method=\"post\" action=\"/targets\" class=\"spaced\">\n<input type=\"hidden\" name=\"csrf\"");
				var __jte_html_attribute_0 = p.csrf();
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
					jteOutput.writeContent(" value=\"");
					jteOutput.setContext("input", "value");
					jteOutput.writeUserContent(__jte_html_attribute_0);
					jteOutput.setContext("input", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(">\n<div class=\"row\">\n<div>\n<label for=\"host\">");
				jteOutput.setContext("label", null);
				jteOutput.writeUserContent(p.t("ui.target.add"));
				jteOutput.writeContent("</label>\n<input type=\"text\" id=\"host\" name=\"host\"");
				var __jte_html_attribute_1 = host;
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
					jteOutput.writeContent(" value=\"");
					jteOutput.setContext("input", "value");
					jteOutput.writeUserContent(__jte_html_attribute_1);
					jteOutput.setContext("input", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(" placeholder=\"mail.example.org\" required>\n</div>\n<button type=\"submit\" id=\"add-target\">");
				jteOutput.setContext("button", null);
				jteOutput.writeUserContent(p.t("ui.target.add_submit"));
				jteOutput.writeContent("</button>\n</div>\n<p class=\"hint\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.target.add_hint"));
				jteOutput.writeContent("</p>\n</form>\n</section>\n<section class=\"card\">\n<h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(p.t("ui.dashboard.orders"));
				jteOutput.writeContent("</h2>\n");
				if (orders.isEmpty()) {
					jteOutput.writeContent("<p class=\"muted\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.dashboard.no_orders"));
					jteOutput.writeContent("</p>\n");
				} else {
					jteOutput.writeContent("<table>\n<thead><tr><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.host"));
					jteOutput.writeContent("</th><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.level"));
					jteOutput.writeContent("</th><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.status"));
					jteOutput.writeContent("</th><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.ordered"));
					jteOutput.writeContent("</th></tr></thead>\n<tbody>\n");
					for (Order o : orders) {
						jteOutput.writeContent("<tr>\n<td class=\"mono\">");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(hosts.getOrDefault(o.targetId(), "—"));
						jteOutput.writeContent("</td>\n<td>");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(p.level(o.level()));
						jteOutput.writeContent("</td>\n<td><a href=\"/orders/");
						jteOutput.setContext("a", "href");
						jteOutput.writeUserContent(o.id());
						jteOutput.setContext("a", null);
						jteOutput.writeContent("\" class=\"status-");
						jteOutput.setContext("a", "class");
						jteOutput.writeUserContent(o.status());
						jteOutput.setContext("a", null);
						jteOutput.writeContent("\">");
						jteOutput.setContext("a", null);
						jteOutput.writeUserContent(p.status(o.status()));
						jteOutput.writeContent("</a></td>\n<td class=\"small\">");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(p.when(o.createdAt()));
						jteOutput.writeContent("</td>\n</tr>\n");
					}
					jteOutput.writeContent("</tbody>\n</table>\n");
				}
				jteOutput.writeContent("</section>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page p = (Page)params.get("p");
		List<OwnedTarget> targets = (List<OwnedTarget>)params.get("targets");
		List<Order> orders = (List<Order>)params.get("orders");
		Map<String, String> hosts = (Map<String, String>)params.get("hosts");
		String host = (String)params.get("host");
		render(jteOutput, jteHtmlInterceptor, p, targets, orders, hosts, host);
	}
}
