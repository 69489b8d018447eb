package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
@SuppressWarnings("unchecked")
public final class JteloginGenerated {
	public static final String JTE_NAME = "login.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,1,1,1,3,3,3,5,5,5,7,7,7,7,7,7,7,7,7,8,8,8,9,9,9,9,9,9,9,9,9,10,10,10,12,12,12,14,14,14,14,14,14,16,16,16,17,17,17,1,2,2,2,2};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, String email) {
		gg.jte.generated.precompiled.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, p, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<div class=\"card narrow\">\n<h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(p.t("ui.login.title"));
				jteOutput.writeContent("</h1>\n<form method=\"post\" action=\"/login\">\n<input type=\"hidden\" name=\"csrf\"");
				var __jte_html_attribute_0 = p.csrf();
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
					jteOutput.writeContent(" value=\"");
					jteOutput.setContext("input", "value");
					jteOutput.writeUserContent(__jte_html_attribute_0);
					jteOutput.setContext("input", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(">\n<label for=\"email\">");
				jteOutput.setContext("label", null);
				jteOutput.writeUserContent(p.t("ui.field.email"));
				jteOutput.writeContent("</label>\n<input type=\"email\" id=\"email\" name=\"email\"");
				var __jte_html_attribute_1 = email;
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
					jteOutput.writeContent(" value=\"");
					jteOutput.setContext("input", "value");
					jteOutput.writeUserContent(__jte_html_attribute_1);
					jteOutput.setContext("input", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(" autocomplete=\"username\" required>\n<label for=\"password\">");
				jteOutput.setContext("label", null);
				jteOutput.writeUserContent(p.t("ui.field.password"));
				jteOutput.writeContent("</label>\n<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>\n<button type=\"submit\" id=\"login\">");
				jteOutput.setContext("button", null);
				jteOutput.writeUserContent(p.t("ui.login.submit"));
				jteOutput.writeContent("</button>\n</form>\n<p class=\"small spaced\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.login.no_account"));
				jteOutput.writeContent(" <a href=\"/signup\" id=\"to-signup\">");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(p.t("ui.signup.title"));
				jteOutput.writeContent("</a></p>\n</div>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page p = (Page)params.get("p");
		String email = (String)params.get("email");
		render(jteOutput, jteHtmlInterceptor, p, email);
	}
}
