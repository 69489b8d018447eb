package dev.vantage.server.web;

import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.server.data.Account;
import dev.vantage.server.data.Session;
import dev.vantage.server.security.Secrets;
import dev.vantage.server.security.TrustedProxies;
import dev.vantage.server.service.ServiceException;
import dev.vantage.server.service.Services;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The web face of the service: Javalin on Jetty with virtual threads, the UI under {@code /}
 * and the JSON API under {@code /api/v1}. Filters, in order: security headers on every
 * response; the session from its cookie (UI) or the account from its bearer token (API); the
 * CSRF token on every UI form post. Errors become a page in the visitor's language (UI) or a
 * JSON object (API), with the status the service chose.
 */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final Services services;
    private final Templates templates = new Templates();
    private final SessionCookie cookie;
    private final TrustedProxies proxies;
    private final Javalin app;

    public WebApp(Services services, boolean secureCookies, TrustedProxies proxies) {
        this.services = services;
        this.proxies = proxies;
        this.cookie = new SessionCookie(secureCookies);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = true;
            config.http.maxRequestSize = 256 * 1024;
            config.router.ignoreTrailingSlashes = true;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/dev/vantage/server/static";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(this::securityHeaders);
        app.before(this::identify);
        app.before(this::checkCsrf);
        new AccountPages(services, templates, cookie).register(app);
        new TargetPages(services, templates).register(app);
        new OrderPages(services, templates).register(app);
        new ApiRoutes(services).register(app);
        app.exception(ServiceException.class, this::refused);
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
            refused(new ServiceException(ServiceException.Kind.BAD_REQUEST, "ui.error.internal", null, 0), ctx);
            ctx.status(500);
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) refused(ServiceException.notFound(), ctx);
        });
        app.error(405, ctx -> refused(ServiceException.notFound(), ctx));
    }

    public Javalin javalin() {
        return app;
    }

    private void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");   // report URLs are capabilities: never leak them
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!ctx.path().startsWith("/static/")) ctx.header("Cache-Control", "no-store");
    }

    /**
     * Who is asking: from where (the peer, or the client a trusted proxy names), and as whom (a
     * session cookie for the UI, a bearer token for the API: never a cookie, so no CSRF there).
     */
    private void identify(Context ctx) {
        ctx.attribute(Web.CLIENT, proxies.client(Web.peer(ctx), Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
        if (Web.isApi(ctx)) {
            String auth = ctx.header("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                services.accounts().byToken(auth.substring(7).strip()).ifPresent(a -> ctx.attribute(Web.ACCOUNT, a));
            }
            return;
        }
        Optional<Session> s = services.sessions().find(cookie.read(ctx));
        if (s.isEmpty()) return;
        ctx.attribute(Web.SESSION, s.get());
        Long accountId = s.get().accountId();
        if (accountId != null) {
            Optional<Account> a = services.accounts().byId(accountId);
            a.ifPresent(account -> ctx.attribute(Web.ACCOUNT, account));
        }
    }

    /** The synchronizer token: every UI form post carries the session's token, or it is refused. */
    private void checkCsrf(Context ctx) {
        if (ctx.method() != HandlerType.POST || Web.isApi(ctx)) return;
        Session s = Web.session(ctx);
        String sent = ctx.formParam("csrf");
        if (s == null || sent == null || !Secrets.sameText(sent, s.csrf())) {
            services.audit().record(s == null ? null : s.accountId(), Web.ip(ctx), "csrf-refused", ctx.path(), null);
            throw ServiceException.forbidden("ui.error.csrf", null);
        }
    }

    private void refused(ServiceException e, Context ctx) {
        if (e.kind() == ServiceException.Kind.TOO_MANY) ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        if (Web.isApi(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.messageKey());
            body.put("message", KnowledgeBase.builtin().message(e.messageKey(), Lang.EN));
            if (e.detail() != null) body.put("detail", e.detail());
            ctx.status(e.kind().status).json(body);
            return;
        }
        if (e.kind() == ServiceException.Kind.UNAUTHORIZED && e.messageKey().equals("ui.login.required")) {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Page page = Pages.page(ctx, "ui.error.title");
        String text = page.t(e.messageKey());
        page.error(e.detail() == null ? text : text + " (" + e.detail() + ")");
        templates.render(ctx, e.kind().status, "error.jte", Map.of("p", page, "status", e.kind().status));
    }
}
