package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * TLS on any port: a handshake that completes proves it. The {@link dev.vantage.probe.ServiceIdentifier}
 * then identifies what speaks inside the TLS layer.
 */
public final class TlsProbe implements ServiceProbe {
    public static final String ID = "tls";

    @Override
    public ProbeInfo info() {
        return new ProbeInfo(ID, "tls", Set.of(443, 465, 563, 636, 853, 989, 990, 992, 993, 994, 995, 4443, 5061, 6697, 8443), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        try (Connection tls = c.startTls(null)) {
            SSLSession session = tls.tlsSession();
            if (session == null) return Optional.empty();
            return Optional.of(new Service("tls", null, null, true, null, java.util.Map.of(
                    "tls_protocol", session.getProtocol(), "tls_cipher", session.getCipherSuite())));
        } catch (javax.net.ssl.SSLException e) {
            return Optional.empty();   // not TLS, or no version we both speak
        }
    }
}
