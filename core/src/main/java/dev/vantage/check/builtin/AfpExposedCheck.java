package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Apple file sharing answering a stranger: its self-description (name, machine, versions, logins) is the evidence. */
public final class AfpExposedCheck implements Check {
    public static final String FINDING = "afp-exposed";
    private static final String ID = "afp-exposure";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("afp"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        Map<String, String> d = ctx.service().details();
        return List.of(new Finding(FINDING, ID, "the server described itself to this address: name "
                + d.getOrDefault("server_name", "?") + ", machine " + d.getOrDefault("machine", "?") + ", "
                + d.getOrDefault("afp_versions", "") + ("allowed".equals(d.get("guest")) ? "; guest login allowed" : "")));
    }
}
