package dev.vantage.server.web;

import dev.vantage.server.data.Account;
import dev.vantage.server.data.Session;
import io.javalin.http.Context;

/** Builds the {@link Page} model for a request. */
final class Pages {
    private Pages() {}

    static Page page(Context ctx, String titleKey) {
        Account a = Web.accountOrNull(ctx);
        Session s = Web.session(ctx);
        String path = ctx.path();
        String query = ctx.queryString();
        return new Page(Web.lang(ctx), a == null ? null : a.email(), s == null ? "" : s.csrf(),
                query == null || path.equals("/lang") ? path : path + "?" + query, titleKey);
    }
}
