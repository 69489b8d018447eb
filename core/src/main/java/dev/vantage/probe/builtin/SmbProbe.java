package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * SMB directly over TCP on 445: dialect negotiation only ({@link SmbWire}), no session. The
 * details say which dialect the server chose (SMB1 is the alarming answer) and whether it
 * requires signing.
 */
public final class SmbProbe implements ServiceProbe {
    @Override
    public ProbeInfo info() {
        return new ProbeInfo("smb", "smb", Set.of(445), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        return SmbWire.negotiate(c, DataProbes.firstReplyWait(this, c)).map(SmbProbe::service);
    }

    static Service service(SmbWire.Negotiated n) {
        return Service.of("smb", null, null, "SMB " + n.dialect() + " negotiated")
                .withDetail("dialect", n.dialect())
                .withDetail("signing", n.signingRequired() ? "required" : "not required")
                .withDetail("smb1", n.smb1() ? "chosen" : "not chosen");
    }
}
