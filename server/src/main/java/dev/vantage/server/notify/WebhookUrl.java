package dev.vantage.server.notify;

import dev.vantage.server.proof.HostNames;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** A webhook destination: http or https, a host, an optional port, a path; nothing else (no user info). */
public record WebhookUrl(boolean tls, String host, int port, String path) {
    public static Optional<WebhookUrl> parse(String text) {
        if (text.length() > 2000) return Optional.empty();
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
            if (u.getRawUserInfo() != null || u.getHost() == null || u.getRawFragment() != null) return Optional.empty();
            Optional<String> host = HostNames.normalise(u.getHost());
            if (host.isEmpty()) return Optional.empty();
            boolean tls = scheme.equals("https");
            int port = u.getPort() == -1 ? (tls ? 443 : 80) : u.getPort();
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            if (u.getRawQuery() != null) path += "?" + u.getRawQuery();
            return Optional.of(new WebhookUrl(tls, host.get(), port, path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
