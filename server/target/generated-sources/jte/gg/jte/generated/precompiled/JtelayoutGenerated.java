package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
import gg.jte.Content;
@SuppressWarnings("unchecked")
public final class JtelayoutGenerated {
	public static final String JTE_NAME = "layout.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,2,2,2,5,5,5,5,5,5,5,5,5,5,11,11,12,12,12,12,12,12,12,12,12,13,13,14,14,14,19,19,19,21,21,22,22,22,23,23,23,24,24,24,25,25,25,25,25,25,25,25,25,25,25,25,26,26,27,27,27,27,27,27,27,27,27,27,27,27,31,31,32,32,32,33,33,34,35,35,35,36,36,37,37,39,39,39,42,42,42,2,3,3,3,3};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, Content content) {
		jteOutput.writeContent("<!DOCTYPE html>\n<html");
		var __jte_html_attribute_0 = p.lang();
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
			jteOutput.writeContent(" lang=\"");
			jteOutput.setContext("html", "lang");
			jteOutput.writeUserContent(__jte_html_attribute_0);
			jteOutput.setContext("html", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n");
		if (p.refreshSeconds() > 0) {
			jteOutput.writeContent("<meta http-equiv=\"refresh\"");
			var __jte_html_attribute_1 = p.refreshSeconds();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
				jteOutput.writeContent(" content=\"");
				jteOutput.setContext("meta", "content");
				jteOutput.writeUserContent(__jte_html_attribute_1);
				jteOutput.setContext("meta", null);
				jteOutput.writeContent("\"");
			}
			jteOutput.writeContent(">\n");
		}
		jteOutput.writeContent("<title>");
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(p.title());
		jteOutput.writeContent(" — Vantage</title>\n<link rel=\"stylesheet\" href=\"/static/vantage.css\">\n</head>\n<body>\n<header class=\"top\"><div class=\"wrap\">\n<a class=\"brand\" href=\"/\">Vantage<span>");
		jteOutput.setContext("span", null);
		jteOutput.writeUserContent(p.t("ui.brand.tagline"));
		jteOutput.writeContent("</span></a>\n<nav>\n");
		if (p.signedIn()) {
			jteOutput.writeContent("<a href=\"/\">");
			jteOutput.setContext("a", null);
			jteOutput.writeUserContent(p.t("ui.nav.targets"));
			jteOutput.writeContent("</a>\n<a href=\"/activity\">");
			jteOutput.setContext("a", null);
			jteOutput.writeUserContent(p.t("ui.nav.activity"));
			jteOutput.writeContent("</a>\n<a href=\"/account\">");
			jteOutput.setContext("a", null);
			jteOutput.writeUserContent(p.t("ui.nav.account"));
			jteOutput.writeContent("</a>\n<form method=\"post\" action=\"/logout\" class=\"inline\"><input type=\"hidden\" name=\"csrf\"");
			var __jte_html_attribute_2 = p.csrf();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_2)) {
				jteOutput.writeContent(" value=\"");
				jteOutput.setContext("input", "value");
				jteOutput.writeUserContent(__jte_html_attribute_2);
				jteOutput.setContext("input", null);
				jteOutput.writeContent("\"");
			}
			jteOutput.writeContent("><button type=\"submit\" class=\"link\" id=\"logout\">");
			jteOutput.setContext("button", null);
			jteOutput.writeUserContent(p.t("ui.nav.logout"));
			jteOutput.writeContent("</button></form>\n");
		}
		jteOutput.writeContent("<a");
		var __jte_html_attribute_3 = p.otherLangLink();
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_3)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_3);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(" id=\"lang-switch\">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(p.otherLangName());
		jteOutput.writeContent("</a>\n</nav>\n</div></header>\n<main class=\"wrap\">\n");
		if (p.notice() != null) {
			jteOutput.writeContent("<p class=\"notice\" role=\"status\">");
			jteOutput.setContext("p", null);
			jteOutput.writeUserContent(p.notice());
			jteOutput.writeContent("</p>\n");
		}
		if (p.error() != null) {
			jteOutput.writeContent("<p class=\"error\" role=\"alert\" id=\"error\">");
			jteOutput.setContext("p", null);
			jteOutput.writeUserContent(p.error());
			jteOutput.writeContent("</p>\n");
		}
		jteOutput.setContext("main", null);
		jteOutput.writeUserContent(content);
		jteOutput.writeContent("\n</main>\n<footer class=\"wrap\">");
		jteOutput.setContext("footer", null);
		jteOutput.writeUserContent(p.t("ui.footer"));
		jteOutput.writeContent("</footer>\n</body>\n</html>\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page p = (Page)params.get("p");
		Content content = (Content)params.get("content");
		render(jteOutput, jteHtmlInterceptor, p, content);
	}
}
