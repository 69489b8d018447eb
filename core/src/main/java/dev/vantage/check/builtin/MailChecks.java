package dev.vantage.check.builtin;

import dev.vantage.check.Check;

import java.util.List;

/** The built-in checks of the mail group. */
public final class MailChecks {
    private MailChecks() {}

    public static List<Check> all() {
        return List.of();
    }
}
