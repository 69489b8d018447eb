package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * RDP: an X.224 Connection Request carrying an RDP Negotiation Request for TLS, CredSSP (NLA)
 * and CredSSP with early user authorisation ([MS-RDPBCGR] 2.2.1.1). The Connection Confirm
 * proves RDP; its negotiation response says which security the server chose — "nla" means a
 * login is needed before the desktop is drawn. The confirm's source reference tells products
 * apart as nmap does (Windows answers 0x1234, xrdp 0).
 */
public final class RdpProbe implements ServiceProbe {
    static final byte[] CONNECTION_REQUEST = {
        3, 0, 0, 19,                            // TPKT, 19 bytes
        14, (byte) 0xe0, 0, 0, 0, 0, 0,         // X.224 CR: length, code, dst-ref, src-ref, class
        1, 0, 8, 0, 0x0b, 0, 0, 0               // RDP_NEG_REQ: SSL | HYBRID | HYBRID_EX
    };

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("rdp", "rdp", Set.of(3389), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        c.write(CONNECTION_REQUEST);
        return parse(c.readAvailable(512, DataProbes.firstReplyWait(this, c)));
    }

    /** Recognises a Connection Confirm; public for the corpus tests. */
    public static Optional<Service> parse(byte[] r) {
        if (r.length < 11 || r[0] != 3 || r[1] != 0) return Optional.empty();
        int tpktLength = ((r[2] & 0xff) << 8) | (r[3] & 0xff);
        int li = r[4] & 0xff;
        if (tpktLength < 11 || tpktLength > r.length || li + 5 > tpktLength || li < 6) return Optional.empty();
        if ((r[5] & 0xf0) != 0xd0) return Optional.empty();               // CC
        int srcRef = ((r[8] & 0xff) << 8) | (r[9] & 0xff);
        Service s = Service.of("rdp", product(srcRef), null, "X.224 Connection Confirm");
        if (li >= 14 && tpktLength >= 19) {
            int type = r[11] & 0xff;
            long value = (r[15] & 0xff) | (r[16] & 0xff) << 8 | (r[17] & 0xff) << 16 | (long) (r[18] & 0xff) << 24;
            if (type == 2) s = s.withDetail("security", security(value));
            else if (type == 3) s = s.withDetail("negotiation_failure", String.valueOf(value));
        } else {
            s = s.withDetail("security", "rdp");   // no negotiation: classic RDP security only
        }
        return Optional.of(s);
    }

    private static @Nullable String product(int srcRef) {
        return switch (srcRef) {
            case 0x1234 -> "Microsoft Terminal Services";
            case 0x0000 -> "xrdp";
            case 0x3412 -> "VirtualBox VM Remote Desktop Service";
            default -> null;
        };
    }

    private static String security(long selected) {
        return switch ((int) selected) {
            case 0 -> "rdp";
            case 1 -> "tls";
            case 2 -> "nla";
            case 8 -> "nla-ex";
            default -> "protocol " + selected;
        };
    }
}
