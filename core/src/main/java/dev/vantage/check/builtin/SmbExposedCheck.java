package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Windows file sharing answering a stranger, on 445 (SMB over TCP) or 139 (SMB over a NetBIOS
 * session): the negotiated dialect is the evidence, and SMB1 is called out.
 */
public final class SmbExposedCheck implements Check {
    public static final String FINDING = "smb-exposed";
    private static final String ID = "smb-exposure";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("smb", "netbios-ssn"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        Map<String, String> d = ctx.service().details();
        String dialect = d.get("dialect");
        if (dialect == null) {
            if (!"positive".equals(d.get("session"))) return List.of();     // a NetBIOS session refused: no SMB seen
            return List.of(new Finding(FINDING, ID, "a NetBIOS session to *SMBSERVER was accepted from this address"));
        }
        String smb1 = "1".equals(dialect) ? "SMB1 (the protocol WannaCry spread through)" : "SMB " + dialect;
        return List.of(new Finding(FINDING, ID, "the server negotiated " + smb1 + " with this address"
                + ("139".equals(String.valueOf(ctx.port())) ? " over NetBIOS (139)" : "")
                + ", signing " + d.getOrDefault("signing", "unknown")));
    }
}
