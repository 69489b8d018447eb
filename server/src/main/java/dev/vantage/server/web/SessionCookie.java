package dev.vantage.server.web;

import io.javalin.http.Context;

import java.time.Duration;

/**
 * The session cookie: HttpOnly (no script can read it), SameSite=Lax (not sent with cross-site
 * POSTs), and, when the service is reached over TLS, Secure with the {@code __Host-} prefix (only
 * ever set by this host, for every path).
 */
final class SessionCookie {
    private final boolean secure;

    SessionCookie(boolean secure) {
        this.secure = secure;
    }

    String name() {
        return secure ? "__Host-vantage" : "vantage_session";
    }

    void set(Context ctx, String secret, Duration lifetime) {
        ctx.res().addHeader("Set-Cookie", name() + "=" + secret + "; Path=/; Max-Age=" + lifetime.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", name() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    String read(Context ctx) {
        return ctx.cookie(name());
    }
}
