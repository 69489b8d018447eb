package dev.vantage.check.builtin;

import dev.vantage.check.Check;

import java.util.List;

/** The built-in checks of the infra group. */
public final class InfraChecks {
    private InfraChecks() {}

    public static List<Check> all() {
        return List.of();
    }
}
