package dev.vantage.check.builtin;

import dev.vantage.check.Check;

import java.util.List;

/** The built-in checks of the data group. */
public final class DataChecks {
    private DataChecks() {}

    public static List<Check> all() {
        return List.of();
    }
}
