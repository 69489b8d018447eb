package dev.vantage.probe;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * What answers on a port.
 *
 * @param name    the protocol, lower case: {@code ssh}, {@code smtp}, {@code http}, ... or {@code unknown}
 * @param product the software, as the service names it ({@code OpenSSH}, {@code Postfix}), if it does
 * @param version its version, if revealed
 * @param tls     whether the service speaks inside TLS on this port (HTTPS, IMAPS, ...)
 * @param banner  a short printable excerpt of what it said first, for evidence
 * @param details other facts a probe learned ({@code "hostname"}, {@code "os"}, ...), for checks and reports
 */
public record Service(String name, @Nullable String product, @Nullable String version, boolean tls,
                      @Nullable String banner, Map<String, String> details) {

    public Service {
        details = Map.copyOf(details);
    }

    public static Service of(String name, @Nullable String product, @Nullable String version, @Nullable String banner) {
        return new Service(name, product, version, false, banner, Map.of());
    }

    public static Service unknown(@Nullable String banner) {
        return new Service("unknown", null, null, false, banner, Map.of());
    }

    public Service withTls() {
        return new Service(name, product, version, true, banner, details);
    }

    public Service withDetail(String key, String value) {
        var m = new java.util.HashMap<>(details);
        m.put(key, value);
        return new Service(name, product, version, tls, banner, m);
    }

    /** "OpenSSH 9.2p1", "Postfix", or the protocol name when nothing more is known. */
    public String describe() {
        if (product == null) return name;
        return version == null ? product : product + " " + version;
    }
}
