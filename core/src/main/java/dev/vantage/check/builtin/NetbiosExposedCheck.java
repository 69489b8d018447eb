package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NetBIOS name service answering a node status request from a stranger: the names, workgroup,
 * user and MAC address it gave away are the evidence (the UDP probe already holds them).
 */
public final class NetbiosExposedCheck implements Check {
    public static final String FINDING = "netbios-exposed";
    private static final String ID = "netbios-exposure";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("netbios-ns"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        Map<String, String> d = ctx.service().details();
        List<String> leaked = new ArrayList<>();
        for (String key : new String[] {"hostname", "workgroup", "user", "mac"}) {
            if (d.containsKey(key)) leaked.add(key + " " + d.get(key));
        }
        return List.of(new Finding(FINDING, ID, "node status answered from this address"
                + (leaked.isEmpty() ? "" : ": " + String.join(", ", leaked))));
    }
}
