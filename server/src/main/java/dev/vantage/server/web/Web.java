package dev.vantage.server.web;

import dev.vantage.assess.Lang;
import dev.vantage.server.data.Account;
import dev.vantage.server.data.Session;
import dev.vantage.server.service.ServiceException;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Per-request facts the filters establish and the handlers read. */
final class Web {
    static final String SESSION = "vantage.session";
    static final String ACCOUNT = "vantage.account";
    static final String LANG_COOKIE = "vantage_lang";
    static final String CLIENT = "vantage.client";

    private Web() {}

    /** The client's address as text (see {@link #address}). */
    static String ip(Context ctx) {
        return address(ctx).getHostAddress();
    }

    /**
     * The address the client connects from: the peer of the connection, or, when the peer is a
     * proxy the operator trusts ({@code --trust-proxy}), the client that proxy names. Decided once
     * per request by {@link WebApp}.
     */
    static InetAddress address(Context ctx) {
        InetAddress decided = ctx.attribute(CLIENT);
        return decided != null ? decided : peer(ctx);
    }

    /** The other end of the TCP connection. */
    static InetAddress peer(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr());   // always a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the connection has no address", e);
        }
    }

    static @Nullable Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    static @Nullable Account accountOrNull(Context ctx) {
        return ctx.attribute(ACCOUNT);
    }

    /** The signed-in account; a visitor is sent to the login page (UI) or refused (API). */
    static Account account(Context ctx) {
        Account a = accountOrNull(ctx);
        if (a == null) throw ServiceException.unauthorized("ui.login.required");
        return a;
    }

    /** The language: the visitor's choice (cookie), else the account's, else the browser's. */
    static Lang lang(Context ctx) {
        String chosen = ctx.cookie(LANG_COOKIE);
        if ("ja".equals(chosen)) return Lang.JA;
        if ("en".equals(chosen)) return Lang.EN;
        Account a = accountOrNull(ctx);
        if (a != null) return a.lang().equals("ja") ? Lang.JA : Lang.EN;
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("ja") ? Lang.JA : Lang.EN;
    }

    static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
