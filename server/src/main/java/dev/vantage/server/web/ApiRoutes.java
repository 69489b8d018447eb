package dev.vantage.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.assess.Lang;
import dev.vantage.report.diff.DiffJsonWriter;
import dev.vantage.report.diff.ReportDiff;
import dev.vantage.server.data.Account;
import dev.vantage.server.data.ApiToken;
import dev.vantage.server.data.AuditEntry;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.ReportInfo;
import dev.vantage.server.data.Run;
import dev.vantage.server.data.Schedule;
import dev.vantage.server.proof.ControlProof;
import dev.vantage.server.service.AccountService;
import dev.vantage.server.service.OrderRequest;
import dev.vantage.server.service.ReportService;
import dev.vantage.server.service.ServiceException;
import dev.vantage.server.service.Services;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API, {@code /api/v1}: everything the UI does, for scripts. Authentication by an API
 * token ({@code Authorization: Bearer vt_...}); an account and a first token are had with
 * {@code POST /accounts} and {@code POST /tokens} (e-mail and password, same limits as the UI).
 * Field names are snake_case, as in the result schema.
 */
final class ApiRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "/api/v1";

    private final Services services;

    ApiRoutes(Services services) {
        this.services = services;
    }

    void register(Javalin app) {
        app.post(V1 + "/accounts", this::signUp);
        app.post(V1 + "/tokens", this::login);
        app.get(V1 + "/tokens", ctx -> ctx.json(services.accounts().tokens(Web.account(ctx)).stream().map(ApiRoutes::token).toList()));
        app.delete(V1 + "/tokens/{id}", this::revoke);
        app.get(V1 + "/me", ctx -> ctx.json(me(Web.account(ctx))));
        app.post(V1 + "/password", this::password);
        app.get(V1 + "/targets", ctx -> ctx.json(services.targets().list(Web.account(ctx)).stream().map(ApiRoutes::target).toList()));
        app.post(V1 + "/targets", this::addTarget);
        app.get(V1 + "/targets/{id}", ctx -> ctx.json(target(services.targets().get(Web.account(ctx), ctx.pathParam("id")))));
        app.delete(V1 + "/targets/{id}", this::deleteTarget);
        app.post(V1 + "/targets/{id}/verify", this::verify);
        app.get(V1 + "/targets/{id}/reports", this::history);
        app.get(V1 + "/orders", ctx -> ctx.json(services.orders().list(Web.account(ctx), 100).stream().map(this::order).toList()));
        app.post(V1 + "/orders", this::placeOrder);
        app.get(V1 + "/orders/{id}", ctx -> ctx.json(order(services.orders().get(Web.account(ctx), ctx.pathParam("id")))));
        app.post(V1 + "/orders/{id}/cancel", ctx -> ctx.json(order(services.orders().cancel(Web.account(ctx), ctx.pathParam("id"), Web.ip(ctx)))));
        app.get(V1 + "/reports", ctx -> ctx.json(services.reports().recent(Web.account(ctx), 100).stream().map(ApiRoutes::report).toList()));
        app.get(V1 + "/reports/{id}", this::reportJson);
        app.get(V1 + "/reports/{id}/diff", this::diff);
        app.get(V1 + "/reports/{id}/{format}", this::reportFormat);
        app.get(V1 + "/schedules", ctx -> ctx.json(services.schedules().list(Web.account(ctx)).stream().map(ApiRoutes::schedule).toList()));
        app.post(V1 + "/schedules", this::addSchedule);
        app.delete(V1 + "/schedules/{id}", this::deleteSchedule);
        app.get(V1 + "/audit", ctx -> ctx.json(services.audit().of(Web.account(ctx).id(), 200).stream().map(ApiRoutes::audit).toList()));
    }

    private void signUp(Context ctx) {
        JsonNode b = body(ctx);
        Account a = services.accounts().signUp(text(b, "email"), text(b, "password"), text(b, "lang"), Web.ip(ctx));
        ctx.status(201).json(me(a));
    }

    /** Logging in through the API makes a new token; the secret is in this answer only. */
    private void login(Context ctx) {
        JsonNode b = body(ctx);
        Account a = Web.accountOrNull(ctx);
        if (a == null) a = services.accounts().login(text(b, "email"), text(b, "password"), Web.ip(ctx));
        AccountService.NewToken t = services.accounts().createToken(a, text(b, "name"), Web.ip(ctx));
        Map<String, Object> m = token(t.token());
        m.put("token", t.secret());
        ctx.status(201).json(m);
    }

    private void revoke(Context ctx) {
        Account a = Web.account(ctx);
        try {
            services.accounts().revokeToken(a, Long.parseLong(ctx.pathParam("id")), Web.ip(ctx));
        } catch (NumberFormatException e) {
            throw ServiceException.notFound();
        }
        ctx.status(204);
    }

    private void password(Context ctx) {
        Account a = Web.account(ctx);
        JsonNode b = body(ctx);
        services.accounts().changePassword(a, text(b, "current"), text(b, "new"), Web.ip(ctx));
        ctx.status(204);
    }

    private void addTarget(Context ctx) {
        Account a = Web.account(ctx);
        OwnedTarget t = services.targets().add(a, text(body(ctx), "host"), Web.ip(ctx));
        ctx.status(201).json(target(t));
    }

    private void deleteTarget(Context ctx) {
        services.targets().delete(Web.account(ctx), ctx.pathParam("id"), Web.ip(ctx));
        ctx.status(204);
    }

    private void verify(Context ctx) {
        Account a = Web.account(ctx);
        ControlProof.Outcome o = services.targets().verify(a, ctx.pathParam("id"), text(body(ctx), "method"), Web.address(ctx), Web.ip(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verified", o.verified());
        m.put("result", o.messageKey());
        m.put("message", dev.vantage.assess.KnowledgeBase.builtin().message(o.messageKey(), Lang.EN));
        m.put("target", target(services.targets().get(a, ctx.pathParam("id"))));
        ctx.status(o.verified() ? 200 : 422).json(m);
    }

    private void history(Context ctx) {
        Account a = Web.account(ctx);
        ctx.json(services.reports().history(a, ctx.pathParam("id"), 200).stream().map(ApiRoutes::report).toList());
    }

    private void placeOrder(Context ctx) {
        Account a = Web.account(ctx);
        JsonNode b = body(ctx);
        OrderRequest req = OrderRequest.of(b.path("level").isMissingNode() ? null : b.path("level").asText(),
                nullableText(b, "ports"), nullableText(b, "policy"), vantages(b));
        Order o = services.orders().place(a, text(b, "target"), req, Web.ip(ctx));
        ctx.status(202).json(order(o));
    }

    private void reportJson(Context ctx) {
        ReportInfo r = services.reports().get(Web.account(ctx), ctx.pathParam("id"));
        ctx.contentType("application/json").result(services.reports().json(r));
    }

    private void reportFormat(Context ctx) {
        ReportInfo r = services.reports().get(Web.account(ctx), ctx.pathParam("id"));
        String format = ctx.pathParam("format");
        if (!ReportService.formats().contains(format)) throw ServiceException.notFound();
        String langParam = ctx.queryParam("lang");
        Lang lang = "ja".equals(langParam) ? Lang.JA : "en".equals(langParam) ? Lang.EN : Web.lang(ctx);
        ReportService.Rendered out = services.reports().render(r, format, lang);
        ctx.contentType(out.contentType()).result(out.body());
    }

    private void diff(Context ctx) {
        ReportInfo r = services.reports().get(Web.account(ctx), ctx.pathParam("id"));
        Optional<ReportDiff> d = services.reports().changes(r);
        if (d.isEmpty()) {
            ctx.json(Map.of("previous", false));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DiffJsonWriter.write(d.get(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ctx.contentType("application/json").result(out.toByteArray());
    }

    private void addSchedule(Context ctx) {
        Account a = Web.account(ctx);
        JsonNode b = body(ctx);
        OrderRequest req = OrderRequest.of(b.path("level").isMissingNode() ? null : b.path("level").asText(),
                nullableText(b, "ports"), nullableText(b, "policy"), vantages(b));
        Schedule s = services.schedules().create(a, text(b, "target"), text(b, "period"), req, b.path("notify_email").asBoolean(false),
                nullableText(b, "webhook_url"), Web.ip(ctx));
        ctx.status(201).json(schedule(s));
    }

    private void deleteSchedule(Context ctx) {
        services.schedules().delete(Web.account(ctx), ctx.pathParam("id"), Web.ip(ctx));
        ctx.status(204);
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.bodyAsBytes());
            if (n == null || !n.isObject()) throw ServiceException.bad("ui.error.bad_json");
            return n;
        } catch (IOException e) {
            throw ServiceException.bad("ui.error.bad_json");
        }
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.path(field);
        return v.isValueNode() ? v.asText() : "";
    }

    /** "vantages": "all", "outside,allowed" or ["outside", "allowed"]; as one comma-separated field. */
    private static @Nullable String vantages(JsonNode b) {
        JsonNode v = b.path("vantages");
        if (v.isMissingNode() || v.isNull()) return null;
        if (v.isTextual()) return v.asText();
        if (!v.isArray()) throw ServiceException.bad("ui.order.bad_vantage", "vantages must be a string or a list of names");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isTextual()) throw ServiceException.bad("ui.order.bad_vantage", "each vantage is a name");
            names.add(n.asText().replace(",", " "));   // a comma inside a name must not split it into two
        }
        return String.join(",", names);
    }

    private static @Nullable String nullableText(JsonNode b, String field) {
        JsonNode v = b.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static Map<String, Object> me(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("email", a.email());
        m.put("lang", a.lang());
        m.put("created_at", a.createdAt());
        return m;
    }

    private static Map<String, Object> token(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("hint", t.hint());
        m.put("created_at", t.createdAt());
        m.put("last_used_at", t.lastUsedAt());
        return m;
    }

    static Map<String, Object> target(OwnedTarget t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("host", t.host());
        m.put("verified", t.verified());
        m.put("verified_method", t.verifiedMethod());
        m.put("verified_at", t.verifiedAt());
        m.put("challenge", t.challenge());
        m.put("dns_record", ControlProof.DNS_LABEL + t.host());
        m.put("http_path", ControlProof.HTTP_PATH + t.challenge());
        m.put("created_at", t.createdAt());
        return m;
    }

    private static Map<String, Object> run(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vantage", r.vantage());
        m.put("status", r.status());
        m.put("progress", r.progress());
        m.put("error", r.error());
        m.put("worker", r.worker());
        m.put("attempts", r.attempts());
        m.put("started_at", r.startedAt());
        m.put("finished_at", r.finishedAt());
        return m;
    }

    private Map<String, Object> order(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("target", o.targetId());
        m.put("level", o.level());
        m.put("ports", o.ports());
        m.put("has_policy", o.policy() != null);
        m.put("schedule", o.scheduleId());
        m.put("status", o.status());
        m.put("progress", o.progress());
        m.put("error", o.error());
        m.put("runs", services.orders().runs(o).stream().map(ApiRoutes::run).toList());
        m.put("created_at", o.createdAt());
        m.put("started_at", o.startedAt());
        m.put("finished_at", o.finishedAt());
        m.put("report", o.status().equals(Order.DONE) ? services.reports().forOrderId(o.id()).map(ReportInfo::id).orElse(null) : null);
        return m;
    }

    private static Map<String, Object> report(ReportInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("order", r.orderId());
        m.put("target", r.targetId());
        m.put("highest_risk", r.highestRisk());
        m.put("open_ports", r.openPorts());
        m.put("findings", r.findings());
        m.put("created_at", r.createdAt());
        return m;
    }

    private static Map<String, Object> schedule(Schedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("target", s.targetId());
        m.put("period", s.period());
        m.put("level", s.level());
        m.put("ports", s.ports());
        m.put("notify_email", s.notifyEmail());
        m.put("webhook_url", s.webhookUrl());
        m.put("vantages", s.vantageList());
        m.put("next_run_at", s.nextRunAt());
        return m;
    }

    private static Map<String, Object> audit(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at());
        m.put("action", e.action());
        m.put("subject", e.subject());
        m.put("detail", e.detail());
        m.put("source_ip", e.sourceIp());
        return m;
    }
}
