package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.ReportInfo;
import dev.vantage.server.data.Schedule;
import java.util.List;
@SuppressWarnings("unchecked")
public final class JtetargetGenerated {
	public static final String JTE_NAME = "target.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,3,4,5,6,6,6,6,16,16,16,17,17,17,20,20,20,22,22,23,23,23,24,24,25,25,25,26,26,28,28,28,28,28,28,30,30,31,31,31,32,32,32,35,35,35,36,36,36,37,37,37,38,38,38,38,38,38,38,38,38,38,38,38,38,38,38,38,40,40,42,42,42,43,43,43,44,44,44,44,44,44,45,45,45,45,45,45,46,46,46,46,46,46,46,46,46,46,46,46,46,46,46,46,48,48,50,50,50,51,51,51,52,52,52,53,53,53,53,53,53,53,53,53,53,53,53,53,53,53,53,56,56,58,58,60,60,60,61,61,61,61,62,62,62,62,62,62,62,62,62,63,63,63,65,65,65,65,65,65,65,65,66,66,66,66,66,66,66,66,67,67,67,67,67,67,67,67,69,69,69,70,70,70,70,70,70,70,70,70,71,71,71,72,72,72,73,73,73,74,74,74,75,75,75,79,79,79,80,80,81,81,81,82,82,84,84,84,84,84,84,84,84,84,84,84,84,86,86,88,88,88,89,89,89,90,90,90,90,90,90,90,90,90,90,90,90,91,91,91,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,92,94,94,97,97,98,98,98,98,99,99,99,99,99,99,99,99,99,101,101,101,102,102,102,102,102,102,103,103,103,104,104,104,104,104,104,104,104,104,105,105,105,107,107,107,108,108,108,110,110,110,111,111,111,114,114,116,116,116,117,117,118,118,118,119,119,121,121,121,121,121,121,121,121,121,121,121,121,123,123,125,125,125,125,125,125,125,126,126,126,126,126,126,126,127,127,127,128,128,128,130,130,133,133,134,135,135,135,138,138,139,139,139,139,139,139,139,139,139,139,139,139,139,139,139,139,139,140,140,143,143,145,145,145,145,146,146,146,146,146,146,146,146,146,147,147,147,148,148,148,150,150,150,151,151,151,6,7,8,9,10,11,12,13,14,15,15,15,15};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, OwnedTarget t, String client, String dnsName, String httpUrl, boolean dnsPossible, List<ReportInfo> reports, List<Order> orders, List<Schedule> schedules, dev.vantage.server.web.OrderForm form) {
		gg.jte.generated.precompiled.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, p, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(t.host());
				jteOutput.writeContent("</h1>\n<section class=\"card\">\n<dl class=\"facts\">\n<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.col.control"));
				jteOutput.writeContent("</dt>\n<dd id=\"control\">\n");
				if (t.verified()) {
					jteOutput.writeContent("<span class=\"ok\">✓ ");
					jteOutput.setContext("span", null);
					jteOutput.writeUserContent(p.t("ui.target.verified_by", p.t("ui.proof.method." + t.verifiedMethod()), p.when(t.verifiedAt())));
					jteOutput.writeContent("</span>\n");
				} else {
					jteOutput.writeContent("<span class=\"muted\">");
					jteOutput.setContext("span", null);
					jteOutput.writeUserContent(p.t("ui.target.unverified"));
					jteOutput.writeContent("</span>\n");
				}
				jteOutput.writeContent("</dd>\n<dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.col.added"));
				jteOutput.writeContent("</dt><dd>");
				jteOutput.setContext("dd", null);
				jteOutput.writeUserContent(p.when(t.createdAt()));
				jteOutput.writeContent("</dd>\n</dl>\n");
				if (!t.verified()) {
					jteOutput.writeContent("<h2>");
					jteOutput.setContext("h2", null);
					jteOutput.writeUserContent(p.t("ui.proof.title"));
					jteOutput.writeContent("</h2>\n<p class=\"muted\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.proof.intro"));
					jteOutput.writeContent("</p>\n<div class=\"methods\">\n<div class=\"method\">\n<h3>");
					jteOutput.setContext("h3", null);
					jteOutput.writeUserContent(p.t("ui.proof.method.self"));
					jteOutput.writeContent("</h3>\n<p>");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.proof.self_text"));
					jteOutput.writeContent("</p>\n<p><code id=\"client-address\">");
					jteOutput.setContext("code", null);
					jteOutput.writeUserContent(client);
					jteOutput.writeContent("</code></p>\n<form method=\"post\" action=\"/targets/");
					jteOutput.setContext("form", "action");
					jteOutput.writeUserContent(t.id());
					jteOutput.setContext("form", null);
					jteOutput.writeContent("/verify\"><input type=\"hidden\" name=\"csrf\"");
					var __jte_html_attribute_0 = p.csrf();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
						jteOutput.writeContent(" value=\"");
						jteOutput.setContext("input", "value");
						jteOutput.writeUserContent(__jte_html_attribute_0);
						jteOutput.setContext("input", null);
						jteOutput.writeContent("\"");
					}
					jteOutput.writeContent("><input type=\"hidden\" name=\"method\" value=\"self\"><button type=\"submit\" id=\"verify-self\">");
					jteOutput.setContext("button", null);
					jteOutput.writeUserContent(p.t("ui.proof.self_button"));
					jteOutput.writeContent("</button></form>\n</div>\n");
					if (dnsPossible) {
						jteOutput.writeContent("<div class=\"method\">\n<h3>");
						jteOutput.setContext("h3", null);
						jteOutput.writeUserContent(p.t("ui.proof.method.dns"));
						jteOutput.writeContent("</h3>\n<p>");
						jteOutput.setContext("p", null);
						jteOutput.writeUserContent(p.t("ui.proof.dns_text"));
						jteOutput.writeContent("</p>\n<p class=\"small\">");
						jteOutput.setContext("p", null);
						jteOutput.writeUserContent(p.t("ui.proof.record_name"));
						jteOutput.writeContent("</p><code class=\"token\">");
						jteOutput.setContext("code", null);
						jteOutput.writeUserContent(dnsName);
						jteOutput.writeContent("</code>\n<p class=\"small spaced\">");
						jteOutput.setContext("p", null);
						jteOutput.writeUserContent(p.t("ui.proof.record_value"));
						jteOutput.writeContent("</p><code class=\"token\">");
						jteOutput.setContext("code", null);
						jteOutput.writeUserContent(t.challenge());
						jteOutput.writeContent("</code>\n<form method=\"post\" action=\"/targets/");
						jteOutput.setContext("form", "action");
						jteOutput.writeUserContent(t.id());
						jteOutput.setContext("form", null);
						jteOutput.writeContent("/verify\"><input type=\"hidden\" name=\"csrf\"");
						var __jte_html_attribute_1 = p.csrf();
						if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
							jteOutput.writeContent(" value=\"");
							jteOutput.setContext("input", "value");
							jteOutput.writeUserContent(__jte_html_attribute_1);
							jteOutput.setContext("input", null);
							jteOutput.writeContent("\"");
						}
						jteOutput.writeContent("><input type=\"hidden\" name=\"method\" value=\"dns\"><button type=\"submit\" class=\"secondary\" id=\"verify-dns\">");
						jteOutput.setContext("button", null);
						jteOutput.writeUserContent(p.t("ui.proof.dns_button"));
						jteOutput.writeContent("</button></form>\n</div>\n");
					}
					jteOutput.writeContent("<div class=\"method\">\n<h3>");
					jteOutput.setContext("h3", null);
					jteOutput.writeUserContent(p.t("ui.proof.method.http"));
					jteOutput.writeContent("</h3>\n<p>");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.proof.http_text"));
					jteOutput.writeContent("</p>\n<code class=\"token\">");
					jteOutput.setContext("code", null);
					jteOutput.writeUserContent(httpUrl);
					jteOutput.writeContent("</code>\n<form method=\"post\" action=\"/targets/");
					jteOutput.setContext("form", "action");
					jteOutput.writeUserContent(t.id());
					jteOutput.setContext("form", null);
					jteOutput.writeContent("/verify\"><input type=\"hidden\" name=\"csrf\"");
					var __jte_html_attribute_2 = p.csrf();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_2)) {
						jteOutput.writeContent(" value=\"");
						jteOutput.setContext("input", "value");
						jteOutput.writeUserContent(__jte_html_attribute_2);
						jteOutput.setContext("input", null);
						jteOutput.writeContent("\"");
					}
					jteOutput.writeContent("><input type=\"hidden\" name=\"method\" value=\"http\"><button type=\"submit\" class=\"secondary\" id=\"verify-http\">");
					jteOutput.setContext("button", null);
					jteOutput.writeUserContent(p.t("ui.proof.http_button"));
					jteOutput.writeContent("</button></form>\n</div>\n</div>\n");
				}
				jteOutput.writeContent("</section>\n");
				if (t.verified()) {
					jteOutput.writeContent("<section class=\"card\" id=\"order\">\n<h2>");
					jteOutput.setContext("h2", null);
					jteOutput.writeUserContent(p.t("ui.order.new"));
					jteOutput.writeContent("</h2>\n<form method=\"post\" action=\"/targets/");
					jteOutput.setContext("form", "action");
					jteOutput.writeUserContent(t.id());
					jteOutput.setContext("form", null);
					jteOutput.writeContent("/orders\">\n<input type=\"hidden\" name=\"csrf\"");
					var __jte_html_attribute_3 = p.csrf();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_3)) {
						jteOutput.writeContent(" value=\"");
						jteOutput.setContext("input", "value");
						jteOutput.writeUserContent(__jte_html_attribute_3);
						jteOutput.setContext("input", null);
						jteOutput.writeContent("\"");
					}
					jteOutput.writeContent(">\n<label for=\"level\">");
					jteOutput.setContext("label", null);
					jteOutput.writeUserContent(p.t("ui.field.level"));
					jteOutput.writeContent("</label>\n<select id=\"level\" name=\"level\">\n<option value=\"1\"");
					var __jte_html_attribute_4 = form.level().equals("1");
					if (__jte_html_attribute_4) {
					jteOutput.writeContent(" selected");
					}
					jteOutput.writeContent(">");
					jteOutput.setContext("option", null);
					jteOutput.writeUserContent(p.t("ui.level.1"));
					jteOutput.writeContent("</option>\n<option value=\"2\"");
					var __jte_html_attribute_5 = form.level().equals("2");
					if (__jte_html_attribute_5) {
					jteOutput.writeContent(" selected");
					}
					jteOutput.writeContent(">");
					jteOutput.setContext("option", null);
					jteOutput.writeUserContent(p.t("ui.level.2"));
					jteOutput.writeContent("</option>\n<option value=\"3\"");
					var __jte_html_attribute_6 = form.level().equals("3");
					if (__jte_html_attribute_6) {
					jteOutput.writeContent(" selected");
					}
					jteOutput.writeContent(">");
					jteOutput.setContext("option", null);
					jteOutput.writeUserContent(p.t("ui.level.3"));
					jteOutput.writeContent("</option>\n</select>\n<label for=\"ports\">");
					jteOutput.setContext("label", null);
					jteOutput.writeUserContent(p.t("ui.field.ports"));
					jteOutput.writeContent("</label>\n<input type=\"text\" id=\"ports\" name=\"ports\"");
					var __jte_html_attribute_7 = form.ports();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_7)) {
						jteOutput.writeContent(" value=\"");
						jteOutput.setContext("input", "value");
						jteOutput.writeUserContent(__jte_html_attribute_7);
						jteOutput.setContext("input", null);
						jteOutput.writeContent("\"");
					}
					jteOutput.writeContent(" placeholder=\"22,25,80,443\">\n<p class=\"hint\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.order.ports_hint"));
					jteOutput.writeContent("</p>\n<label for=\"policy\">");
					jteOutput.setContext("label", null);
					jteOutput.writeUserContent(p.t("ui.field.policy"));
					jteOutput.writeContent("</label>\n<textarea id=\"policy\" name=\"policy\" spellcheck=\"false\">");
					jteOutput.setContext("textarea", null);
					jteOutput.writeUserContent(form.policy());
					jteOutput.writeContent("</textarea>\n<p class=\"hint\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.order.policy_hint"));
					jteOutput.writeContent("</p>\n<button type=\"submit\" id=\"place-order\">");
					jteOutput.setContext("button", null);
					jteOutput.writeUserContent(p.t("ui.order.submit"));
					jteOutput.writeContent("</button>\n</form>\n</section>\n<section class=\"card\" id=\"schedules\">\n<h2>");
					jteOutput.setContext("h2", null);
					jteOutput.writeUserContent(p.t("ui.schedule.title"));
					jteOutput.writeContent("</h2>\n");
					if (schedules.isEmpty()) {
						jteOutput.writeContent("<p class=\"muted\">");
						jteOutput.setContext("p", null);
						jteOutput.writeUserContent(p.t("ui.schedule.none"));
						jteOutput.writeContent("</p>\n");
					} else {
						jteOutput.writeContent("<table>\n<thead><tr><th>");
						jteOutput.setContext("th", null);
						jteOutput.writeUserContent(p.t("ui.col.period"));
						jteOutput.writeContent("</th><th>");
						jteOutput.setContext("th", null);
						jteOutput.writeUserContent(p.t("ui.col.level"));
						jteOutput.writeContent("</th><th>");
						jteOutput.setContext("th", null);
						jteOutput.writeUserContent(p.t("ui.col.notify"));
						jteOutput.writeContent("</th><th>");
						jteOutput.setContext("th", null);
						jteOutput.writeUserContent(p.t("ui.col.next_run"));
						jteOutput.writeContent("</th><th></th></tr></thead>\n<tbody>\n");
						for (Schedule s : schedules) {
							jteOutput.writeContent("<tr>\n<td>");
							jteOutput.setContext("td", null);
							jteOutput.writeUserContent(p.t("ui.schedule." + s.period()));
							jteOutput.writeContent("</td>\n<td>");
							jteOutput.setContext("td", null);
							jteOutput.writeUserContent(p.level(s.level()));
							jteOutput.writeContent("</td>\n<td class=\"small\">");
							if (s.notifyEmail()) {
								jteOutput.setContext("td", null);
								jteOutput.writeUserContent(p.t("ui.schedule.by_email"));
							}
							jteOutput.writeContent(" ");
							if (s.webhookUrl() != null) {
								jteOutput.writeContent("<span class=\"mono\">");
								jteOutput.setContext("span", null);
								jteOutput.writeUserContent(s.webhookUrl());
								jteOutput.writeContent("</span>");
							}
							jteOutput.writeContent("</td>\n<td class=\"small\">");
							jteOutput.setContext("td", null);
							jteOutput.writeUserContent(p.when(s.nextRunAt()));
							jteOutput.writeContent("</td>\n<td><form method=\"post\" action=\"/schedules/");
							jteOutput.setContext("form", "action");
							jteOutput.writeUserContent(s.id());
							jteOutput.setContext("form", null);
							jteOutput.writeContent("/delete\"><input type=\"hidden\" name=\"csrf\"");
							var __jte_html_attribute_8 = p.csrf();
							if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_8)) {
								jteOutput.writeContent(" value=\"");
								jteOutput.setContext("input", "value");
								jteOutput.writeUserContent(__jte_html_attribute_8);
								jteOutput.setContext("input", null);
								jteOutput.writeContent("\"");
							}
							jteOutput.writeContent("><input type=\"hidden\" name=\"target\"");
							var __jte_html_attribute_9 = t.id();
							if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_9)) {
								jteOutput.writeContent(" value=\"");
								jteOutput.setContext("input", "value");
								jteOutput.writeUserContent(__jte_html_attribute_9);
								jteOutput.setContext("input", null);
								jteOutput.writeContent("\"");
							}
							jteOutput.writeContent("><button type=\"submit\" class=\"link\">");
							jteOutput.setContext("button", null);
							jteOutput.writeUserContent(p.t("ui.schedule.delete"));
							jteOutput.writeContent("</button></form></td>\n</tr>\n");
						}
						jteOutput.writeContent("</tbody>\n</table>\n");
					}
					jteOutput.writeContent("<form method=\"post\" action=\"/targets/");
					jteOutput.setContext("form", "action");
					jteOutput.writeUserContent(t.id());
					jteOutput.setContext("form", null);
					jteOutput.writeContent("/schedules\" class=\"spaced\">\n<input type=\"hidden\" name=\"csrf\"");
					var __jte_html_attribute_10 = p.csrf();
					if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_10)) {
						jteOutput.writeContent(" value=\"");
						jteOutput.setContext("input", "value");
						jteOutput.writeUserContent(__jte_html_attribute_10);
						jteOutput.setContext("input", null);
						jteOutput.writeContent("\"");
					}
					jteOutput.writeContent(">\n<div class=\"row\">\n<div><label for=\"period\">");
					jteOutput.setContext("label", null);
					jteOutput.writeUserContent(p.t("ui.col.period"));
					jteOutput.writeContent("</label>\n<select id=\"period\" name=\"period\"><option value=\"daily\">");
					jteOutput.setContext("option", null);
					jteOutput.writeUserContent(p.t("ui.schedule.daily"));
					jteOutput.writeContent("</option><option value=\"weekly\">");
					jteOutput.setContext("option", null);
					jteOutput.writeUserContent(p.t("ui.schedule.weekly"));
					jteOutput.writeContent("</option></select></div>\n<div><label for=\"schedule-level\">");
					jteOutput.setContext("label", null);
					jteOutput.writeUserContent(p.t("ui.field.level"));
					jteOutput.writeContent("</label>\n<select id=\"schedule-level\" name=\"level\"><option value=\"1\">");
					jteOutput.setContext("option", null);
					jteOutput.writeUserContent(p.t("ui.level.1"));
					jteOutput.writeContent("</option><option value=\"2\">");
					jteOutput.setContext("option", null);
					jteOutput.writeUserContent(p.t("ui.level.2"));
					jteOutput.writeContent("</option><option value=\"3\">");
					jteOutput.setContext("option", null);
					jteOutput.writeUserContent(p.t("ui.level.3"));
					jteOutput.writeContent("</option></select></div>\n<div><label for=\"schedule-ports\">");
					jteOutput.setContext("label", null);
					jteOutput.writeUserContent(p.t("ui.field.ports"));
					jteOutput.writeContent("</label><input type=\"text\" id=\"schedule-ports\" name=\"ports\"></div>\n</div>\n<label class=\"check\"><input type=\"checkbox\" name=\"notify_email\" value=\"1\" checked> ");
					jteOutput.setContext("label", null);
					jteOutput.writeUserContent(p.t("ui.schedule.notify_email"));
					jteOutput.writeContent("</label>\n<label for=\"webhook\">");
					jteOutput.setContext("label", null);
					jteOutput.writeUserContent(p.t("ui.field.webhook"));
					jteOutput.writeContent("</label>\n<input type=\"url\" id=\"webhook\" name=\"webhook\" placeholder=\"https://hooks.example.org/vantage\">\n<p class=\"hint\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.schedule.hint"));
					jteOutput.writeContent("</p>\n<button type=\"submit\" class=\"secondary\">");
					jteOutput.setContext("button", null);
					jteOutput.writeUserContent(p.t("ui.schedule.submit"));
					jteOutput.writeContent("</button>\n</form>\n</section>\n");
				}
				jteOutput.writeContent("<section class=\"card\" id=\"history\">\n<h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(p.t("ui.history.title"));
				jteOutput.writeContent("</h2>\n");
				if (reports.isEmpty()) {
					jteOutput.writeContent("<p class=\"muted\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.history.none"));
					jteOutput.writeContent("</p>\n");
				} else {
					jteOutput.writeContent("<table>\n<thead><tr><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.checked"));
					jteOutput.writeContent("</th><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.highest_risk"));
					jteOutput.writeContent("</th><th class=\"num\">");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.open_ports"));
					jteOutput.writeContent("</th><th class=\"num\">");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.findings"));
					jteOutput.writeContent("</th></tr></thead>\n<tbody>\n");
					for (ReportInfo r : reports) {
						jteOutput.writeContent("<tr>\n<td><a href=\"/reports/");
						jteOutput.setContext("a", "href");
						jteOutput.writeUserContent(r.id());
						jteOutput.setContext("a", null);
						jteOutput.writeContent("\">");
						jteOutput.setContext("a", null);
						jteOutput.writeUserContent(p.when(r.createdAt()));
						jteOutput.writeContent("</a></td>\n<td><span class=\"badge risk-");
						jteOutput.setContext("span", "class");
						jteOutput.writeUserContent(r.highestRisk());
						jteOutput.setContext("span", null);
						jteOutput.writeContent("\">");
						jteOutput.setContext("span", null);
						jteOutput.writeUserContent(p.risk(r.highestRisk()));
						jteOutput.writeContent("</span></td>\n<td class=\"num\">");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(r.openPorts());
						jteOutput.writeContent("</td>\n<td class=\"num\">");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(r.findings());
						jteOutput.writeContent("</td>\n</tr>\n");
					}
					jteOutput.writeContent("</tbody>\n</table>\n");
				}
				if (!orders.isEmpty()) {
					jteOutput.writeContent("<h3>");
					jteOutput.setContext("h3", null);
					jteOutput.writeUserContent(p.t("ui.dashboard.orders"));
					jteOutput.writeContent("</h3>\n<table>\n<tbody>\n");
					for (Order o : orders) {
						jteOutput.writeContent("<tr><td><a href=\"/orders/");
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
						jteOutput.writeContent("</a></td><td>");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(p.level(o.level()));
						jteOutput.writeContent("</td><td class=\"small\">");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(p.when(o.createdAt()));
						jteOutput.writeContent("</td></tr>\n");
					}
					jteOutput.writeContent("</tbody>\n</table>\n");
				}
				jteOutput.writeContent("</section>\n<form method=\"post\" action=\"/targets/");
				jteOutput.setContext("form", "action");
				jteOutput.writeUserContent(t.id());
				jteOutput.setContext("form", null);
				jteOutput.writeContent("/delete\">\n<input type=\"hidden\" name=\"csrf\"");
				var __jte_html_attribute_11 = p.csrf();
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_11)) {
					jteOutput.writeContent(" value=\"");
					jteOutput.setContext("input", "value");
					jteOutput.writeUserContent(__jte_html_attribute_11);
					jteOutput.setContext("input", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(">\n<button type=\"submit\" class=\"danger\">");
				jteOutput.setContext("button", null);
				jteOutput.writeUserContent(p.t("ui.target.delete"));
				jteOutput.writeContent("</button>\n<p class=\"hint\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.target.delete_hint"));
				jteOutput.writeContent("</p>\n</form>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page p = (Page)params.get("p");
		OwnedTarget t = (OwnedTarget)params.get("t");
		String client = (String)params.get("client");
		String dnsName = (String)params.get("dnsName");
		String httpUrl = (String)params.get("httpUrl");
		boolean dnsPossible = (boolean)params.get("dnsPossible");
		List<ReportInfo> reports = (List<ReportInfo>)params.get("reports");
		List<Order> orders = (List<Order>)params.get("orders");
		List<Schedule> schedules = (List<Schedule>)params.get("schedules");
		dev.vantage.server.web.OrderForm form = (dev.vantage.server.web.OrderForm)params.get("form");
		render(jteOutput, jteHtmlInterceptor, p, t, client, dnsName, httpUrl, dnsPossible, reports, orders, schedules, form);
	}
}
