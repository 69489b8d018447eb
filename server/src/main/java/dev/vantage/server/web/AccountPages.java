package dev.vantage.server.web;

import dev.vantage.server.data.Account;
import dev.vantage.server.data.Session;
import dev.vantage.server.service.AccountService;
import dev.vantage.server.service.ServiceException;
import dev.vantage.server.service.SessionService;
import dev.vantage.server.service.Services;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.Map;

/** Sign-up, login, logout, the account page (password, language, API tokens) and the activity log. */
final class AccountPages {
    private final Services services;
    private final Templates templates;
    private final SessionCookie cookie;

    AccountPages(Services services, Templates templates, SessionCookie cookie) {
        this.services = services;
        this.templates = templates;
        this.cookie = cookie;
    }

    void register(Javalin app) {
        app.get("/login", this::loginForm);
        app.post("/login", this::login);
        app.get("/signup", this::signupForm);
        app.post("/signup", this::signup);
        app.post("/logout", this::logout);
        app.get("/account", this::accountPage);
        app.post("/account/password", this::changePassword);
        app.post("/account/tokens", this::createToken);
        app.post("/account/tokens/{id}/revoke", this::revokeToken);
        app.get("/activity", this::activity);
        app.get("/lang", this::switchLanguage);
    }

    private void loginForm(Context ctx) {
        if (Web.accountOrNull(ctx) != null) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        visitorSession(ctx);
        templates.render(ctx, "login.jte", Map.of("p", Pages.page(ctx, "ui.login.title"), "email", ""));
    }

    private void login(Context ctx) {
        String email = Web.form(ctx, "email");
        try {
            Account a = services.accounts().login(email, Web.form(ctx, "password"), Web.ip(ctx));
            startSession(ctx, a);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.TOO_MANY) throw e;
            Page p = Pages.page(ctx, "ui.login.title");
            templates.render(ctx, e.kind().status, "login.jte", Map.of("p", p.error(p.t(e.messageKey())), "email", email));
        }
    }

    private void signupForm(Context ctx) {
        visitorSession(ctx);
        templates.render(ctx, "signup.jte", Map.of("p", Pages.page(ctx, "ui.signup.title"), "email", ""));
    }

    private void signup(Context ctx) {
        String email = Web.form(ctx, "email");
        try {
            Account a = services.accounts().signUp(email, Web.form(ctx, "password"), Web.lang(ctx).code(), Web.ip(ctx));
            startSession(ctx, a);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.TOO_MANY) throw e;
            Page p = Pages.page(ctx, "ui.signup.title");
            templates.render(ctx, e.kind().status, "signup.jte", Map.of("p", p.error(p.t(e.messageKey())), "email", email));
        }
    }

    private void logout(Context ctx) {
        Session s = Web.session(ctx);
        if (s != null) {
            services.sessions().end(s);
            if (s.accountId() != null) services.audit().record(s.accountId(), Web.ip(ctx), "logout", null, null);
        }
        cookie.clear(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void accountPage(Context ctx) {
        showAccount(ctx, 200, Pages.page(ctx, "ui.account.title"), null);
    }

    private void showAccount(Context ctx, int status, Page p, String newToken) {
        Account a = Web.account(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("p", p);
        m.put("tokens", services.accounts().tokens(a));
        m.put("newToken", newToken == null ? "" : newToken);
        templates.render(ctx, status, "account.jte", m);
    }

    private void changePassword(Context ctx) {
        Account a = Web.account(ctx);
        Page p = Pages.page(ctx, "ui.account.title");
        try {
            if (!Web.form(ctx, "new").equals(Web.form(ctx, "confirm"))) throw ServiceException.bad("ui.password.mismatch");
            services.accounts().changePassword(a, Web.form(ctx, "current"), Web.form(ctx, "new"), Web.ip(ctx));
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.TOO_MANY) throw e;
            showAccount(ctx, e.kind().status, p.error(p.t(e.messageKey())), null);
            return;
        }
        // A new session for this browser; every other session of the account ends.
        Session old = Web.session(ctx);
        SessionService.Opened fresh = startSession(ctx, a);
        services.sessions().endOthers(a.id(), fresh.session());
        if (old != null) services.sessions().end(old);
        ctx.attribute(Web.SESSION, fresh.session());
        showAccount(ctx, 200, Pages.page(ctx, "ui.account.title").notice(p.t("ui.password.changed")), null);
    }

    private void createToken(Context ctx) {
        Account a = Web.account(ctx);
        AccountService.NewToken t = services.accounts().createToken(a, Web.form(ctx, "name"), Web.ip(ctx));
        Page p = Pages.page(ctx, "ui.account.title");
        showAccount(ctx, 200, p.notice(p.t("ui.token.created")), t.secret());
    }

    private void revokeToken(Context ctx) {
        Account a = Web.account(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ServiceException.notFound();
        }
        services.accounts().revokeToken(a, id, Web.ip(ctx));
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    private void activity(Context ctx) {
        Account a = Web.account(ctx);
        templates.render(ctx, "activity.jte", Map.of("p", Pages.page(ctx, "ui.activity.title"),
                "entries", services.audit().of(a.id(), 200)));
    }

    /** Sets the language cookie and goes back to the page (only ever a path on this site: no open redirect). */
    private void switchLanguage(Context ctx) {
        String to = "ja".equals(ctx.queryParam("to")) ? "ja" : "en";
        ctx.res().addHeader("Set-Cookie", Web.LANG_COOKIE + "=" + to + "; Path=/; Max-Age=31536000; SameSite=Lax");
        Account a = Web.accountOrNull(ctx);
        if (a != null) services.accounts().setLanguage(a, to);
        String back = ctx.queryParam("back");
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\")
                && back.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        ctx.redirect(local ? back : "/", HttpStatus.SEE_OTHER);
    }

    /** A visitor's session exists before the login and sign-up forms, to carry their CSRF token. */
    private void visitorSession(Context ctx) {
        if (Web.session(ctx) != null) return;
        SessionService.Opened s = services.sessions().open(null);
        cookie.set(ctx, s.secret(), SessionService.VISITOR_LIFETIME);
        ctx.attribute(Web.SESSION, s.session());
    }

    /** After login or sign-up: a fresh session (the visitor's one ends, so its id cannot be fixed in advance). */
    private SessionService.Opened startSession(Context ctx, Account a) {
        Session visitor = Web.session(ctx);
        if (visitor != null && !visitor.loggedIn()) services.sessions().end(visitor);
        SessionService.Opened s = services.sessions().open(a.id());
        cookie.set(ctx, s.secret(), SessionService.LOGIN_LIFETIME);
        ctx.attribute(Web.SESSION, s.session());
        ctx.attribute(Web.ACCOUNT, a);
        return s;
    }
}
