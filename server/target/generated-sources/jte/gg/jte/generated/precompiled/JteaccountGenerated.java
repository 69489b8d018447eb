package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
import dev.vantage.server.data.ApiToken;
import java.util.List;
@SuppressWarnings("unchecked")
public final class JteaccountGenerated {
	public static final String JTE_NAME = "account.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,3,3,3,3,6,6,6,7,7,7,9,9,9,9,9,9,10,10,10,12,12,12,12,12,12,12,12,12,13,13,13,15,15,15,17,17,17,18,18,18,20,20,20,24,24,24,25,25,25,26,26,27,27,27,28,28,28,29,29,30,32,32,32,32,32,32,32,32,32,32,32,32,34,34,36,36,36,36,36,36,36,36,36,36,36,36,37,37,37,37,37,37,37,37,37,37,37,37,37,37,37,37,39,39,42,42,44,44,44,44,44,44,44,44,44,46,46,46,47,47,47,51,51,51,52,52,52,3,4,5,5,5,5};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, List<ApiToken> tokens, String newToken) {
		gg.jte.generated.precompiled.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, p, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(p.t("ui.account.title"));
				jteOutput.writeContent("</h1>\n<section class=\"card\">\n<dl class=\"facts\"><dt>");
				jteOutput.setContext("dt", null);
				jteOutput.writeUserContent(p.t("ui.field.email"));
				jteOutput.writeContent("</dt><dd>");
				jteOutput.setContext("dd", null);
				jteOutput.writeUserContent(p.email());
				jteOutput.writeContent("</dd></dl>\n<h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(p.t("ui.password.change"));
				jteOutput.writeContent("</h2>\n<form method=\"post\" action=\"/account/password\">\n<input type=\"hidden\" name=\"csrf\"");
				var __jte_html_attribute_0 = p.csrf();
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
					jteOutput.writeContent(" value=\"");
					jteOutput.setContext("input", "value");
					jteOutput.writeUserContent(__jte_html_attribute_0);
					jteOutput.setContext("input", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(">\n<label for=\"current\">");
				jteOutput.setContext("label", null);
				jteOutput.writeUserContent(p.t("ui.password.current"));
				jteOutput.writeContent("</label>\n<input type=\"password\" id=\"current\" name=\"current\" autocomplete=\"current-password\" required>\n<label for=\"new\">");
				jteOutput.setContext("label", null);
				jteOutput.writeUserContent(p.t("ui.password.new"));
				jteOutput.writeContent("</label>\n<input type=\"password\" id=\"new\" name=\"new\" autocomplete=\"new-password\" minlength=\"10\" required>\n<p class=\"hint\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.password.rule"));
				jteOutput.writeContent("</p>\n<label for=\"confirm\">");
				jteOutput.setContext("label", null);
				jteOutput.writeUserContent(p.t("ui.password.confirm"));
				jteOutput.writeContent("</label>\n<input type=\"password\" id=\"confirm\" name=\"confirm\" autocomplete=\"new-password\" minlength=\"10\" required>\n<button type=\"submit\">");
				jteOutput.setContext("button", null);
				jteOutput.writeUserContent(p.t("ui.password.submit"));
				jteOutput.writeContent("</button>\n</form>\n</section>\n<section class=\"card\">\n<h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(p.t("ui.token.title"));
				jteOutput.writeContent("</h2>\n<p class=\"muted\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.token.intro"));
				jteOutput.writeContent("</p>\n");
				if (!newToken.isEmpty()) {
					jteOutput.writeContent("<p>");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(p.t("ui.token.copy_now"));
					jteOutput.writeContent("</p>\n<code class=\"token\" id=\"new-token\">");
					jteOutput.setContext("code", null);
					jteOutput.writeUserContent(newToken);
					jteOutput.writeContent("</code>\n");
				}
				if (!tokens.isEmpty()) {
					jteOutput.writeContent("<table>\n<thead><tr><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.name"));
					jteOutput.writeContent("</th><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.token"));
					jteOutput.writeContent("</th><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.added"));
					jteOutput.writeContent("</th><th>");
					jteOutput.setContext("th", null);
					jteOutput.writeUserContent(p.t("ui.col.last_used"));
					jteOutput.writeContent("</th><th></th></tr></thead>\n<tbody>\n");
					for (ApiToken tk : tokens) {
						jteOutput.writeContent("<tr>\n<td>");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(tk.name());
						jteOutput.writeContent("</td><td class=\"mono\">");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(tk.hint());
						jteOutput.writeContent("…</td><td class=\"small\">");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(p.when(tk.createdAt()));
						jteOutput.writeContent("</td><td class=\"small\">");
						jteOutput.setContext("td", null);
						jteOutput.writeUserContent(p.when(tk.lastUsedAt()));
						jteOutput.writeContent("</td>\n<td><form method=\"post\" action=\"/account/tokens/");
						jteOutput.setContext("form", "action");
						jteOutput.writeUserContent(tk.id());
						jteOutput.setContext("form", null);
						jteOutput.writeContent("/revoke\"><input type=\"hidden\" name=\"csrf\"");
						var __jte_html_attribute_1 = p.csrf();
						if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
							jteOutput.writeContent(" value=\"");
							jteOutput.setContext("input", "value");
							jteOutput.writeUserContent(__jte_html_attribute_1);
							jteOutput.setContext("input", null);
							jteOutput.writeContent("\"");
						}
						jteOutput.writeContent("><button type=\"submit\" class=\"link\">");
						jteOutput.setContext("button", null);
						jteOutput.writeUserContent(p.t("ui.token.revoke"));
						jteOutput.writeContent("</button></form></td>\n</tr>\n");
					}
					jteOutput.writeContent("</tbody>\n</table>\n");
				}
				jteOutput.writeContent("<form method=\"post\" action=\"/account/tokens\" class=\"spaced\">\n<input type=\"hidden\" name=\"csrf\"");
				var __jte_html_attribute_2 = p.csrf();
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_2)) {
					jteOutput.writeContent(" value=\"");
					jteOutput.setContext("input", "value");
					jteOutput.writeUserContent(__jte_html_attribute_2);
					jteOutput.setContext("input", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(">\n<div class=\"row\">\n<div><label for=\"token-name\">");
				jteOutput.setContext("label", null);
				jteOutput.writeUserContent(p.t("ui.col.name"));
				jteOutput.writeContent("</label><input type=\"text\" id=\"token-name\" name=\"name\" placeholder=\"backup-script\" maxlength=\"100\"></div>\n<button type=\"submit\" class=\"secondary\">");
				jteOutput.setContext("button", null);
				jteOutput.writeUserContent(p.t("ui.token.create"));
				jteOutput.writeContent("</button>\n</div>\n</form>\n</section>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page p = (Page)params.get("p");
		List<ApiToken> tokens = (List<ApiToken>)params.get("tokens");
		String newToken = (String)params.get("newToken");
		render(jteOutput, jteHtmlInterceptor, p, tokens, newToken);
	}
}
