package dev.vantage.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Every probe Vantage knows: the built-ins, in the order they are tried when no port hint
 * applies, then any found through {@link ServiceLoader} ({@code META-INF/services/dev.vantage.probe.ServiceProbe}).
 */
public final class ProbeRegistry {
    private ProbeRegistry() {}

    /** The built-in probes. Greeting readers first, then queries from the cheapest and most common. */
    public static List<ServiceProbe> builtins() {
        return List.of(
                new dev.vantage.probe.builtin.SshProbe(),
                // TLS before HTTP: a TLS port answers a plain GET with an HTTP error page.
                new dev.vantage.probe.builtin.TlsProbe(),
                new dev.vantage.probe.builtin.HttpProbe());
    }

    public static List<ServiceProbe> all() {
        List<ServiceProbe> all = new ArrayList<>(builtins());
        ServiceLoader.load(ServiceProbe.class).forEach(all::add);
        return List.copyOf(all);
    }
}
