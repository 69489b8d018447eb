package dev.vantage.server.notify;

import dev.vantage.server.proof.NameResolver;
import dev.vantage.server.proof.PinnedHttp;
import dev.vantage.server.security.Scope;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * POSTs JSON to a customer's webhook. The destination is held to the same ranges as a check (a
 * webhook is no way to reach the operator's internal network), on the address actually used.
 */
public final class WebhookSender {
    private final NameResolver resolver;
    private final Scope scope;
    private final PinnedHttp http = new PinnedHttp(Duration.ofSeconds(10), 4096);

    public WebhookSender(NameResolver resolver, Scope scope) {
        this.resolver = resolver;
        this.scope = scope;
    }

    public void post(WebhookUrl url, byte[] json) throws IOException {
        List<InetAddress> addresses = resolver.addresses(url.host());
        for (InetAddress a : addresses) {
            Optional<String> refused = scope.refusal(a);
            if (refused.isPresent()) throw new IOException("webhook refused: " + refused.get());
        }
        PinnedHttp.Response r = http.post(url.tls(), url.host(), addresses.get(0), url.port(), url.path(), "application/json", json);
        if (r.status() < 200 || r.status() > 299) throw new IOException("webhook answered " + r.status());
    }
}
