package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.util.List;
import java.util.Set;

/**
 * Remote Desktop answering a stranger is the finding; the identification's Connection Confirm is
 * the evidence, with the security the server chose (without "nla", the login screen is drawn
 * for anyone before any credential is checked).
 */
public final class RdpExposedCheck implements Check {
    public static final String FINDING = "rdp-exposed";
    private static final String ID = "rdp-exposure";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("rdp"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        String security = ctx.service().details().getOrDefault("security", "unknown");
        String nla = security.startsWith("nla") ? "Network Level Authentication required" : "no Network Level Authentication";
        return List.of(new Finding(FINDING, ID, "the server confirmed an RDP connection from this address (security: "
                + security + ", " + nla + ")"));
    }
}
