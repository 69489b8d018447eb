package dev.vantage.server.web;

import dev.vantage.assess.CheckReport;
import dev.vantage.report.diff.ReportDiff;
import dev.vantage.server.data.Account;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.ReportInfo;
import dev.vantage.server.service.OrderRequest;
import dev.vantage.server.service.ReportService;
import dev.vantage.server.service.ServiceException;
import dev.vantage.server.service.Services;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Placing an order, following it (progress, cancel), and its report (view, downloads, changes). */
final class OrderPages {
    private final Services services;
    private final Templates templates;
    private final TargetPages targetPages;

    OrderPages(Services services, Templates templates) {
        this.services = services;
        this.templates = templates;
        this.targetPages = new TargetPages(services, templates);
    }

    void register(Javalin app) {
        app.post("/targets/{id}/orders", this::place);
        app.get("/orders/{id}", this::order);
        app.get("/orders/{id}/progress", this::progress);
        app.post("/orders/{id}/cancel", this::cancel);
        app.get("/reports/{id}", this::report);
        app.get("/reports/{id}/full", this::fullReport);
        app.get("/reports/{id}/download/{format}", this::download);
    }

    private void place(Context ctx) {
        Account a = Web.account(ctx);
        OwnedTarget t = services.targets().get(a, ctx.pathParam("id"));
        OrderForm form = new OrderForm(Web.form(ctx, "level"), Web.form(ctx, "ports"), Web.form(ctx, "policy"), Web.form(ctx, "vantages"));
        try {
            OrderRequest req = OrderRequest.of(form.level(), form.ports(), form.policy(), form.vantages());
            Order o = services.orders().place(a, t.id(), req, Web.ip(ctx));
            ctx.redirect("/orders/" + o.id(), HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.TOO_MANY || e.kind() == ServiceException.Kind.NOT_FOUND) throw e;
            Page p = Pages.page(ctx, "ui.target.title");
            targetPages.showTarget(ctx, e.kind().status, p.error(TargetPages.message(p, e)), t, form);
        }
    }

    private void order(Context ctx) {
        Account a = Web.account(ctx);
        Order o = services.orders().get(a, ctx.pathParam("id"));
        Page p = Pages.page(ctx, "ui.order.title");
        if (!o.finished()) p.refresh(2);
        Optional<ReportInfo> report = services.reports().forOrder(a, o.id());
        Map<String, Object> m = new HashMap<>();
        m.put("p", p);
        m.put("o", o);
        m.put("host", services.targets().get(a, o.targetId()).host());
        m.put("reportId", report.map(ReportInfo::id).orElse(""));
        m.put("runs", services.orders().runs(o));
        templates.render(ctx, "order.jte", m);
    }

    /** For scripts and curious users: the order's state as JSON (same session rules as the page). */
    private void progress(Context ctx) {
        Account a = Web.account(ctx);
        Order o = services.orders().get(a, ctx.pathParam("id"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", o.status());
        m.put("progress", o.progress());
        services.reports().forOrder(a, o.id()).ifPresent(r -> m.put("report", r.id()));
        ctx.json(m);
    }

    private void cancel(Context ctx) {
        Account a = Web.account(ctx);
        Order o = services.orders().cancel(a, ctx.pathParam("id"), Web.ip(ctx));
        ctx.redirect("/orders/" + o.id(), HttpStatus.SEE_OTHER);
    }

    private void report(Context ctx) {
        Account a = Web.account(ctx);
        ReportInfo r = services.reports().get(a, ctx.pathParam("id"));
        CheckReport report = services.reports().assessed(r);
        Optional<ReportDiff> changes = services.reports().changes(r);
        Map<String, Object> m = new HashMap<>();
        m.put("p", Pages.page(ctx, "ui.report.title"));
        m.put("r", r);
        m.put("report", report);
        m.put("target", services.reports().targetOf(r));
        m.put("hasPrevious", changes.isPresent());
        m.put("changes", changes.map(ReportDiff::hosts).orElse(java.util.List.of()));
        m.put("formats", ReportService.formats());
        // Several vantages: one table with a column per host and place, before the per-column details.
        boolean several = report.hosts().stream().map(h -> String.valueOf(h.vantage())).distinct().count() > 1;
        m.put("sideBySide", several ? dev.vantage.report.render.SideBySide.of(report) : null);
        templates.render(ctx, "report.jte", m);
    }

    /** The renderers' full HTML report, shown as its own page (its own strict policy: inline style only). */
    private void fullReport(Context ctx) {
        Account a = Web.account(ctx);
        ReportInfo r = services.reports().get(a, ctx.pathParam("id"));
        ReportService.Rendered html = services.reports().render(r, "html", Web.lang(ctx));
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
        ctx.contentType(html.contentType()).result(html.body());
    }

    private void download(Context ctx) {
        Account a = Web.account(ctx);
        ReportInfo r = services.reports().get(a, ctx.pathParam("id"));
        String format = ctx.pathParam("format");
        if (!ReportService.formats().contains(format)) throw ServiceException.notFound();
        ReportService.Rendered out = services.reports().render(r, format, Web.lang(ctx));
        OwnedTarget t = services.reports().targetOf(r);
        String name = "vantage-" + t.host().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + r.id().substring(0, 8) + "." + out.fileExtension();
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        ctx.contentType(out.contentType()).result(out.body());
    }
}
