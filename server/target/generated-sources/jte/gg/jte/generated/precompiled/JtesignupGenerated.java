package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
@SuppressWarnings("unchecked")
public final class JtesignupGenerated {
	public static final String JTE_NAME = "signup.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,1,1,1,3,3,3,5,5,5,6,6,6,8,8,8,8,8,8,8,8,8,9,9,9,10,10,10,10,10,10,10,10,10,11,11,11,13,13,13,14,14,14,16,16,16,16,16,16,18,18,18,19,19,19,1,2,2,2,2};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, String email) {
		gg.jte.generated.precompiled.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, p, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<div class=\"card narrow\">\n<h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(p.t("ui.signup.title"));
				jteOutput.writeContent("</h1>\n<p class=\"muted\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.signup.intro"));
				jteOutput.writeContent("</p>\n<form method=\"post\" action=\"/signup\">\n<input type=\"hidden\" name=\"csrf\"");
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
				jteOutput.writeContent("</label>\n<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"new-password\" minlength=\"10\" required>\n<p class=\"hint\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.password.rule"));
				jteOutput.writeContent("</p>\n<button type=\"submit\" id=\"signup\">");
				jteOutput.setContext("button", null);
				jteOutput.writeUserContent(p.t("ui.signup.submit"));
				jteOutput.writeContent("</button>\n</form>\n<p class=\"small spaced\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.signup.have_account"));
				jteOutput.writeContent(" <a href=\"/login\">");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(p.t("ui.login.title"));
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
