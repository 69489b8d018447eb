package dev.vantage.server.web;

import dev.vantage.server.data.Account;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.proof.ControlProof;
import dev.vantage.server.proof.HostNames;
import dev.vantage.server.service.OrderRequest;
import dev.vantage.server.service.ServiceException;
import dev.vantage.server.service.Services;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dashboard (targets and recent orders), a target's page (proof, order form, schedules, history). */
final class TargetPages {
    private final Services services;
    private final Templates templates;

    TargetPages(Services services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    void register(Javalin app) {
        app.get("/", this::dashboard);
        app.post("/targets", this::add);
        app.get("/targets/{id}", this::target);
        app.post("/targets/{id}/verify", this::verify);
        app.post("/targets/{id}/delete", this::delete);
        app.post("/targets/{id}/schedules", this::addSchedule);
        app.post("/schedules/{id}/delete", this::deleteSchedule);
    }

    private void dashboard(Context ctx) {
        showDashboard(ctx, 200, Pages.page(ctx, "ui.dashboard.title"), "");
    }

    private void showDashboard(Context ctx, int status, Page p, String host) {
        Account a = Web.account(ctx);
        List<OwnedTarget> targets = services.targets().list(a);
        Map<String, String> hosts = new HashMap<>();
        for (OwnedTarget t : targets) hosts.put(t.id(), t.host());
        Map<String, Object> m = new HashMap<>();
        m.put("p", p);
        m.put("targets", targets);
        m.put("orders", services.orders().list(a, 20));
        m.put("hosts", hosts);
        m.put("host", host);
        m.put("proven", targets.stream().filter(t -> services.targets().isProven(t)).map(OwnedTarget::id)
                .collect(java.util.stream.Collectors.toSet()));
        templates.render(ctx, status, "dashboard.jte", m);
    }

    private void add(Context ctx) {
        Account a = Web.account(ctx);
        String host = Web.form(ctx, "host");
        try {
            OwnedTarget t = services.targets().add(a, host, Web.ip(ctx));
            ctx.redirect("/targets/" + t.id(), HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.TOO_MANY) throw e;
            Page p = Pages.page(ctx, "ui.dashboard.title");
            showDashboard(ctx, e.kind().status, p.error(message(p, e)), host);
        }
    }

    private void target(Context ctx) {
        Account a = Web.account(ctx);
        OwnedTarget t = services.targets().get(a, ctx.pathParam("id"));
        showTarget(ctx, 200, Pages.page(ctx, "ui.target.title"), t, OrderForm.EMPTY);
    }

    void showTarget(Context ctx, int status, Page p, OwnedTarget t, OrderForm form) {
        Account a = Web.account(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("p", p);
        m.put("t", t);
        m.put("client", Web.ip(ctx));
        m.put("dnsName", ControlProof.DNS_LABEL + t.host());
        m.put("dnsPossible", !HostNames.isAddressLiteral(t.host()));
        m.put("httpUrl", "http://" + (t.host().indexOf(':') >= 0 ? "[" + t.host() + "]" : t.host()) + ControlProof.HTTP_PATH + t.challenge());
        m.put("reports", services.reports().history(a, t.id(), 50));
        List<Order> orders = services.orders().ofTarget(a, t.id(), 20);
        m.put("orders", orders);
        m.put("schedules", services.schedules().ofTarget(a, t.id()));
        m.put("form", form);
        m.put("vantages", services.orders().liveVantages().stream().filter(v -> !v.isEmpty()).toList());
        m.put("proven", services.targets().isProven(t));
        m.put("expired", services.targets().proofExpired(t));
        m.put("expiresAt", services.targets().proofExpiresAt(t));
        templates.render(ctx, status, "target.jte", m);
    }

    private void verify(Context ctx) {
        Account a = Web.account(ctx);
        OwnedTarget t = services.targets().get(a, ctx.pathParam("id"));
        Page p = Pages.page(ctx, "ui.target.title");
        ControlProof.Outcome o;
        try {
            o = services.targets().verify(a, t.id(), Web.form(ctx, "method"), Web.address(ctx), Web.ip(ctx));
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.TOO_MANY || e.kind() == ServiceException.Kind.NOT_FOUND) throw e;
            showTarget(ctx, e.kind().status, p.error(message(p, e)), t, OrderForm.EMPTY);
            return;
        }
        OwnedTarget now = services.targets().get(a, t.id());
        if (o.verified()) p.notice(p.t(o.messageKey()));
        else p.error(p.t(o.messageKey()));
        showTarget(ctx, o.verified() ? 200 : 422, p, now, OrderForm.EMPTY);
    }

    private void delete(Context ctx) {
        Account a = Web.account(ctx);
        services.targets().delete(a, ctx.pathParam("id"), Web.ip(ctx));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void addSchedule(Context ctx) {
        Account a = Web.account(ctx);
        OwnedTarget t = services.targets().get(a, ctx.pathParam("id"));
        try {
            OrderRequest req = OrderRequest.of(ctx.formParam("level"), ctx.formParam("ports"), ctx.formParam("policy"),
                    ctx.formParam("vantages"));
            services.schedules().create(a, t.id(), Web.form(ctx, "period"), req, ctx.formParam("notify_email") != null,
                    ctx.formParam("webhook"), Web.ip(ctx));
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.TOO_MANY || e.kind() == ServiceException.Kind.NOT_FOUND) throw e;
            Page p = Pages.page(ctx, "ui.target.title");
            showTarget(ctx, e.kind().status, p.error(message(p, e)), t, OrderForm.EMPTY);
            return;
        }
        ctx.redirect("/targets/" + t.id() + "#schedules", HttpStatus.SEE_OTHER);
    }

    private void deleteSchedule(Context ctx) {
        Account a = Web.account(ctx);
        services.schedules().delete(a, ctx.pathParam("id"), Web.ip(ctx));
        String back = Web.form(ctx, "target");
        ctx.redirect(back.matches("[A-Za-z0-9_-]{22}") ? "/targets/" + back + "#schedules" : "/", HttpStatus.SEE_OTHER);
    }

    static String message(Page p, ServiceException e) {
        String text = p.t(e.messageKey());
        return e.detail() == null ? text : text + " " + e.detail();
    }
}
