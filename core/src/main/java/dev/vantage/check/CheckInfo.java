package dev.vantage.check;

import java.util.Set;

/**
 * The descriptor of a check.
 *
 * @param id         stable name, e.g. {@code smtp-relay}
 * @param services   service names it examines ({@code smtp}, {@code submission}, ...)
 * @param level      the lowest check level that runs it (1, 2 or 3)
 * @param intrusive  whether it does more than a well-behaved client would (runs only when asked)
 * @param findings   the finding ids it may produce (each must have a knowledge-base entry)
 */
public record CheckInfo(String id, Set<String> services, int level, boolean intrusive, Set<String> findings) {
    public CheckInfo {
        services = Set.copyOf(services);
        findings = Set.copyOf(findings);
        if (level < 1 || level > 3) throw new IllegalArgumentException("level must be 1-3");
    }
}
