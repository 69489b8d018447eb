package gg.jte.generated.precompiled;
import dev.vantage.server.web.Page;
@SuppressWarnings("unchecked")
public final class JteerrorGenerated {
	public static final String JTE_NAME = "error.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,1,1,1,3,3,3,5,5,5,6,6,6,7,7,7,9,9,9,10,10,10,1,2,2,2,2};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page p, int status) {
		gg.jte.generated.precompiled.JtelayoutGenerated.render(jteOutput, jteHtmlInterceptor, p, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<div class=\"card narrow\">\n<h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(p.t("ui.error.title"));
				jteOutput.writeContent("</h1>\n<p class=\"muted\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(p.t("ui.error.status", status));
				jteOutput.writeContent("</p>\n<p><a href=\"/\">");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(p.t("ui.error.back"));
				jteOutput.writeContent("</a></p>\n</div>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page p = (Page)params.get("p");
		int status = (int)params.get("status");
		render(jteOutput, jteHtmlInterceptor, p, status);
	}
}
