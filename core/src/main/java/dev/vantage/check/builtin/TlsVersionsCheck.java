package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.tls.TlsProber;
import dev.vantage.probe.tls.TlsVersion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which obsolete protocol versions the server still accepts: one hand-built hello per version
 * (SSL 2.0, SSL 3.0, TLS 1.0, TLS 1.1), each on its own connection, each offering that version
 * alone. Only a ServerHello choosing exactly that version counts; an alert, a hang-up or a hello
 * for another version means no.
 */
public final class TlsVersionsCheck implements Check {
    static final String ID = "tls-versions";
    static final Map<TlsVersion, String> FINDINGS = Map.of(
            TlsVersion.SSL_2_0, "tls-sslv2",
            TlsVersion.SSL_3_0, "tls-sslv3",
            TlsVersion.TLS_1_0, "tls-1.0",
            TlsVersion.TLS_1_1, "tls-1.1");
    private static final List<TlsVersion> OFFERED = List.of(TlsVersion.SSL_2_0, TlsVersion.SSL_3_0, TlsVersion.TLS_1_0, TlsVersion.TLS_1_1);

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, TlsEndpoint.SERVICES, 2, false, Set.copyOf(FINDINGS.values()));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        if (!TlsEndpoint.reachable(context.service())) return List.of();
        String serverName = TlsEndpoint.hostName(context.target());
        List<Finding> findings = new ArrayList<>();
        IOException failure = null;
        int answered = 0;
        for (TlsVersion v : OFFERED) {
            TlsProber.Attempt attempt;
            try (Connection c = TlsEndpoint.open(context)) {
                if (c == null) return List.of();   // STARTTLS not offered: nothing to judge here
                attempt = TlsProber.offer(c, v, serverName, false);
            } catch (IOException e) {
                failure = e;
                continue;
            }
            answered++;
            if (attempt.accepted()) {
                findings.add(new Finding(FINDINGS.get(v), ID, "accepts " + v.label() + " over " + TlsEndpoint.how(context.service())
                        + ": " + attempt.detail()));
            }
        }
        if (answered == 0 && failure != null) throw failure;
        return findings;
    }
}
