package dev.vantage.server.proof;

import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.security.Scope;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a customer controls a host, by one of the {@link ProofMethod}s. Each attempt
 * resolves the host afresh and checks every address against the operator's {@link Scope}
 * before anything is sent to it. Outcomes are message keys (shown in the customer's language)
 * with a detail for the log.
 *
 * <p>A proof does not last for ever: a host changes hands, a name is pointed elsewhere. A proof
 * is current for {@code validity} (30 days by default) after it was given; after that orders are
 * refused until the owner proves control again. Before every scheduled run the DNS and HTTP
 * proofs are checked again without the owner ({@link #reconfirm}), and each success starts a new
 * period, so a schedule keeps running for as long as the record or page stays published. A
 * self-check needs the owner at the host, so a schedule on one stops when it expires.
 */
public final class ControlProof {
    public static final String DNS_LABEL = "_vantage-challenge.";
    public static final String HTTP_PATH = "/.well-known/vantage-challenge/";
    private static final int MAX_ADDRESSES = 8;

    /** The outcome: verified or not, the message key that explains it, a detail for the audit log. */
    public record Outcome(boolean verified, String messageKey, String detail) {
        static Outcome ok(String detail) {
            return new Outcome(true, "ui.proof.ok", detail);
        }

        static Outcome no(String key, String detail) {
            return new Outcome(false, key, detail);
        }
    }

    private final NameResolver resolver;
    private final Scope scope;
    private final int httpPort;
    private final Duration validity;
    private final PinnedHttp http = new PinnedHttp(Duration.ofSeconds(5), 4096);

    /**
     * @param httpPort the port of the HTTP proof (80; tests use a free loopback port)
     * @param validity how long a proof stays current
     */
    public ControlProof(NameResolver resolver, Scope scope, int httpPort, Duration validity) {
        this.resolver = resolver;
        this.scope = scope;
        this.httpPort = httpPort;
        this.validity = validity;
    }

    /** Whether the target's proof of control holds now: given, and not older than the validity. */
    public boolean isCurrent(OwnedTarget t, long nowMillis) {
        Long at = t.verifiedAt();
        return t.verified() && at != null && nowMillis < at + validity.toMillis();
    }

    /** When the target's proof stops being current; null when it has none. */
    public @Nullable Long expiresAt(OwnedTarget t) {
        Long at = t.verifiedAt();
        return t.verified() && at != null ? at + validity.toMillis() : null;
    }

    /** Whether the target had a proof that has run out (as opposed to never having had one). */
    public boolean hasExpired(OwnedTarget t, long nowMillis) {
        return t.verified() && !isCurrent(t, nowMillis);
    }

    /**
     * Checks a DNS or HTTP proof again, without the owner, as it was given. Empty for a
     * self-check (it needs the owner's browser at the host) or a target without a proof.
     */
    public Optional<Outcome> reconfirm(OwnedTarget t) {
        Optional<ProofMethod> method = t.verifiedMethod() == null ? Optional.empty() : ProofMethod.parse(t.verifiedMethod());
        if (method.isEmpty() || method.get() == ProofMethod.SELF) return Optional.empty();
        return Optional.of(attempt(method.get(), t.host(), t.challenge(), null));
    }

    /** One attempt; {@code client} is the address the owner connects from (needed by the self-check only). */
    public Outcome attempt(ProofMethod method, String host, String token, @Nullable InetAddress client) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.addresses(host);
        } catch (UnknownHostException e) {
            return Outcome.no("ui.proof.unresolved", "cannot resolve " + host);
        }
        Optional<String> refused = refusal(addresses);
        if (refused.isPresent()) return Outcome.no("ui.proof.out_of_scope", refused.get());
        return switch (method) {
            case SELF -> client == null ? Outcome.no("ui.proof.self_mismatch", "no client connection") : self(addresses, client);
            case DNS -> dns(host, token);
            case HTTP -> http(host, token, addresses);
        };
    }

    public Optional<String> refusal(List<InetAddress> addresses) {
        for (InetAddress a : addresses) {
            Optional<String> r = scope.refusal(a);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    private static Outcome self(List<InetAddress> addresses, InetAddress client) {
        if (addresses.contains(client)) return Outcome.ok("connected from " + client.getHostAddress());
        return Outcome.no("ui.proof.self_mismatch", "connected from " + client.getHostAddress() + ", host is " + addresses);
    }

    private Outcome dns(String host, String token) {
        if (HostNames.isAddressLiteral(host)) return Outcome.no("ui.proof.dns_needs_name", "an address has no DNS name");
        for (String txt : resolver.txt(DNS_LABEL + host)) {
            if (txt.strip().equals(token)) return Outcome.ok("TXT record found");
        }
        return Outcome.no("ui.proof.dns_missing", "no TXT record " + DNS_LABEL + host + " with the token");
    }

    private Outcome http(String host, String token, List<InetAddress> addresses) {
        String last = "no address";
        for (InetAddress a : addresses.subList(0, Math.min(MAX_ADDRESSES, addresses.size()))) {
            try {
                PinnedHttp.Response r = http.get(false, host, a, httpPort, HTTP_PATH + token);
                if (r.status() == 200 && r.body().strip().equals(token)) return Outcome.ok("token served by " + a.getHostAddress());
                last = a.getHostAddress() + " answered " + r.status();
            } catch (IOException e) {
                last = a.getHostAddress() + ": " + e.getMessage();
            }
        }
        return Outcome.no("ui.proof.http_missing", last);
    }
}
