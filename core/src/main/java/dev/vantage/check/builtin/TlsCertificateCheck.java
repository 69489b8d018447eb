package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.tls.TlsProber;
import dev.vantage.probe.tls.TlsVersion;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The server's certificate, judged by {@link TlsCertificatePolicy}. The chain is read from a
 * hand-built TLS 1.2 hello (then TLS 1.0), where it travels in the clear: that works for servers
 * the JDK would refuse to talk to (old versions, weak keys, MD5 signatures). Only a server that
 * speaks TLS 1.3 alone is asked through the JDK's own handshake.
 */
public final class TlsCertificateCheck implements Check {
    static final String ID = "tls-certificate";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, TlsEndpoint.SERVICES, 2, false,
                Set.of("tls-cert-expired", "tls-cert-self-signed", "tls-cert-name-mismatch", "tls-cert-weak-key"));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        if (!TlsEndpoint.reachable(context.service())) return List.of();
        String hostName = TlsEndpoint.hostName(context.target());
        List<X509Certificate> chain = chain(context, hostName);
        if (chain.isEmpty()) return List.of();
        return judge(chain, hostName, Instant.now());
    }

    /** All certificate findings for a chain (pure, for tests). */
    public static List<Finding> judge(List<X509Certificate> chain, @Nullable String hostName, Instant now) {
        List<Finding> findings = new ArrayList<>();
        TlsCertificatePolicy.expired(chain, now).ifPresent(e -> findings.add(new Finding("tls-cert-expired", ID, e)));
        TlsCertificatePolicy.selfSigned(chain).ifPresent(e -> findings.add(new Finding("tls-cert-self-signed", ID, e)));
        TlsCertificatePolicy.nameMismatch(chain, hostName).ifPresent(e -> findings.add(new Finding("tls-cert-name-mismatch", ID, e)));
        TlsCertificatePolicy.weakKey(chain).ifPresent(e -> findings.add(new Finding("tls-cert-weak-key", ID, e)));
        return findings;
    }

    private static List<X509Certificate> chain(CheckContext context, @Nullable String hostName) throws IOException {
        for (TlsVersion v : List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_0)) {
            try (Connection c = TlsEndpoint.open(context)) {
                if (c == null) return List.of();
                TlsProber.Attempt a = TlsProber.offer(c, v, hostName, true);
                List<X509Certificate> chain = parse(a.certificates());
                if (!chain.isEmpty()) return chain;
            }
        }
        try (Connection plain = TlsEndpoint.open(context)) {
            if (plain == null) return List.of();
            try (Connection tls = plain.startTls(hostName)) {
                SSLSession session = tls.tlsSession();
                if (session == null) return List.of();
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : session.getPeerCertificates()) {
                    if (c instanceof X509Certificate x) chain.add(x);
                }
                return chain;
            } catch (SSLPeerUnverifiedException e) {
                return List.of();
            }
        }
    }

    /** DER certificates → X.509 objects; unreadable ones end the chain (never throws). */
    public static List<X509Certificate> parse(List<byte[]> der) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            for (byte[] d : der) {
                out.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(d)));
            }
        } catch (CertificateException | RuntimeException e) {
            // keep what parsed
        }
        return out;
    }
}
