package dev.vantage.probe.builtin;

import dev.vantage.probe.ServiceProbe;

import java.util.List;

/**
 * The built-in probes of the infra group, in the order they are tried when no port hint applies.
 * SSH, TLS and HTTP are registered by {@link dev.vantage.probe.ProbeRegistry} itself (SSH reads a
 * greeting, TLS must come before HTTP); this adds DNS over TCP.
 */
public final class InfraProbes {
    private InfraProbes() {}

    public static List<ServiceProbe> all() {
        return List.of(new DnsProbe());
    }
}
