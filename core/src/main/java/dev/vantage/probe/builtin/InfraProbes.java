package dev.vantage.probe.builtin;

import dev.vantage.probe.ServiceProbe;

import java.util.List;

/** The built-in probes of the infra group, in the order they are tried when no port hint applies. */
public final class InfraProbes {
    private InfraProbes() {}

    public static List<ServiceProbe> all() {
        return List.of();
    }
}
