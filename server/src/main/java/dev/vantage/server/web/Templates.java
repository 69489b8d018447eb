package dev.vantage.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.util.Map;

/**
 * The JTE templates of {@code src/main/jte}, compiled to Java classes at build time by the
 * jte-maven-plugin (no template compiler at run time). Content type HTML: every {@code ${}} is
 * escaped for where it stands (text, attribute, URL).
 */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    void render(Context ctx, String template, Map<String, Object> params) {
        render(ctx, 200, template, params);
    }
}
