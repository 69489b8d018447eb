package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.util.List;
import java.util.Set;

/**
 * A MySQL or MariaDB server that greets a stranger with its handshake is one password away from
 * its data. The identification already holds the greeting; a server that refuses our address
 * ("Host … is not allowed") has a host rule in place and is not reported.
 */
public final class MysqlExposedCheck implements Check {
    public static final String FINDING = "mysql-exposed";
    private static final String ID = "mysql-exposure";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("mysql"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        var d = ctx.service().details();
        if (!"10".equals(d.get("protocol"))) return List.of();
        return List.of(new Finding(FINDING, ID, "the server sent its login handshake to this address: " + ctx.service().describe()
                + " (protocol 10, TLS " + d.getOrDefault("ssl", "unknown") + ")"));
    }
}
