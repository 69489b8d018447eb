package dev.vantage.check.builtin;

import dev.vantage.check.Finding;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificate verdicts on certificates made with openssl (corpus/tls/certs), at fixed instants. */
class TlsCertificatePolicyTest {
    private static final Instant NOV_2026 = Instant.parse("2026-11-24T00:00:00Z");

    private static X509Certificate cert(String name) throws Exception {
        try (InputStream in = TlsCertificatePolicyTest.class.getResourceAsStream("/corpus/tls/certs/" + name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).sorted().toList();
    }

    @Test
    void aShortRsaSelfSignedCertificatePastItsEnd() throws Exception {
        X509Certificate c = cert("selfsigned-rsa1024.pem");
        List<Finding> f = TlsCertificateCheck.judge(List.of(c), "old.lab.test", c.getNotAfter().toInstant().plusSeconds(86400));
        assertEquals(List.of("tls-cert-expired", "tls-cert-self-signed", "tls-cert-weak-key"), ids(f));
        assertTrue(f.stream().anyMatch(x -> x.evidence().contains("1024 bits")), f.toString());
    }

    @Test
    void theSameCertificateWhileValidIsOnlySelfSignedAndWeak() throws Exception {
        X509Certificate c = cert("selfsigned-rsa1024.pem");
        List<Finding> f = TlsCertificateCheck.judge(List.of(c), "old.lab.test", c.getNotBefore().toInstant().plusSeconds(60));
        assertEquals(List.of("tls-cert-self-signed", "tls-cert-weak-key"), ids(f));
    }

    @Test
    void aCaSignedLeafWithMatchingNamesIsClean() throws Exception {
        List<X509Certificate> chain = List.of(cert("leaf-san-sha256.pem"), cert("ca.pem"));
        assertEquals(List.of(), TlsCertificateCheck.judge(chain, "www.lab.test", NOV_2026));
        assertEquals(List.of(), TlsCertificateCheck.judge(chain, "shop.apps.lab.test", NOV_2026), "wildcard label");
        assertEquals(List.of(), TlsCertificateCheck.judge(chain, "WWW.Lab.Test.", NOV_2026), "case and trailing dot");
    }

    @Test
    void wildcardsCoverExactlyOneLabel() throws Exception {
        List<X509Certificate> chain = List.of(cert("leaf-san-sha256.pem"));
        assertEquals(List.of("tls-cert-name-mismatch"), ids(TlsCertificateCheck.judge(chain, "a.b.apps.lab.test", NOV_2026)));
        assertEquals(List.of("tls-cert-name-mismatch"), ids(TlsCertificateCheck.judge(chain, "apps.lab.test", NOV_2026)));
        assertEquals(List.of("tls-cert-name-mismatch"), ids(TlsCertificateCheck.judge(chain, "lab.test", NOV_2026)));
    }

    @Test
    void noNameJudgementForABareAddress() throws Exception {
        assertEquals(List.of(), TlsCertificateCheck.judge(List.of(cert("leaf-san-sha256.pem")), null, NOV_2026));
    }

    @Test
    void theCommonNameCountsOnlyWithoutDnsNames() throws Exception {
        X509Certificate c = cert("selfsigned-ec256-cn-only.pem");
        assertFalse(ids(TlsCertificateCheck.judge(List.of(c), "mail.lab.test", NOV_2026)).contains("tls-cert-name-mismatch"));
        // the leaf's CN is www.lab.test but its SANs rule: CN alone is ignored when SANs exist
        assertTrue(TlsCertificatePolicy.nameMismatch(List.of(cert("leaf-san-sha256.pem")), "www.lab.test").isEmpty());
    }

    @Test
    void sha1SignaturesAreWeakUnlessSelfSigned() throws Exception {
        List<Finding> f = TlsCertificateCheck.judge(List.of(cert("leaf-sha1.pem"), cert("ca.pem")), "www.lab.test", NOV_2026);
        assertEquals(List.of("tls-cert-weak-key"), ids(f));
        assertTrue(f.get(0).evidence().contains("SHA1"), f.toString());
    }

    @Test
    void smallEcKeysAreWeakAndP256IsNot() throws Exception {
        assertTrue(TlsCertificatePolicy.weakKey(List.of(cert("selfsigned-ec192.pem"))).isPresent());
        assertTrue(TlsCertificatePolicy.weakKey(List.of(cert("selfsigned-ec256-cn-only.pem"))).isEmpty());
    }

    @Test
    void aCaSignedLeafIsNotSelfSigned() throws Exception {
        assertTrue(TlsCertificatePolicy.selfSigned(List.of(cert("leaf-san-sha256.pem"), cert("ca.pem"))).isEmpty());
        assertTrue(TlsCertificatePolicy.selfSigned(List.of(cert("ca.pem"))).isPresent());
    }

    @Test
    void unreadableDerEndsTheChainQuietly() {
        assertEquals(List.of(), TlsCertificateCheck.parse(List.of(new byte[] {0x30, (byte) 0x82, 0, 0}, new byte[0])));
    }
}
