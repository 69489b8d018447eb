package dev.vantage.check.builtin;

import org.jspecify.annotations.Nullable;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Judges a server's certificate chain, as pure functions (chain, name, time → verdicts).
 *
 * <ul>
 *   <li>expired: the leaf, or an intermediate the server sends, is past its notAfter;</li>
 *   <li>self-signed: the leaf is its own issuer and its signature verifies with its own key. A
 *       leaf issued by a private CA is not "self-signed" (the KB's advice recommends exactly that
 *       for private services);</li>
 *   <li>name mismatch: no subject alternative name (or, only when there are no DNS names, the
 *       common name) matches the host name (RFC 6125: a wildcard stands for exactly one whole
 *       left-most label). Judged only when the target was given by name: for a bare address we
 *       cannot know which name clients use;</li>
 *   <li>weak key: RSA or DSA under 2048 bits, EC under 224 bits; or a certificate other than a
 *       self-signed one signed with MD5 or SHA-1 (a self-signed signature vouches for nothing
 *       anyway, so its hash does not matter).</li>
 * </ul>
 */
public final class TlsCertificatePolicy {
    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 224;

    private TlsCertificatePolicy() {}

    public static Optional<String> expired(List<X509Certificate> chain, Instant now) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            if (i > 0 && selfSigned(c)) continue;   // a root sent along is ignored by clients
            if (c.getNotAfter().toInstant().isBefore(now)) {
                return Optional.of((i == 0 ? "the certificate" : "intermediate certificate " + subject(c))
                        + " expired on " + c.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate()
                        + " (subject " + subject(chain.get(0)) + ")");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> selfSigned(List<X509Certificate> chain) {
        if (chain.isEmpty() || !selfSigned(chain.get(0))) return Optional.empty();
        return Optional.of("the certificate for " + subject(chain.get(0)) + " is signed by itself");
    }

    static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) return false;
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
            return false;   // same name, different key: issued by a CA that happens to share the name
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return true;    // cannot check the signature algorithm here; issuer = subject is the best evidence
        }
    }

    /** The mismatch, or empty when the name matches or no host name is known. */
    public static Optional<String> nameMismatch(List<X509Certificate> chain, @Nullable String hostName) {
        if (chain.isEmpty() || hostName == null) return Optional.empty();
        List<String> names = dnsNames(chain.get(0));
        if (names.stream().anyMatch(n -> matches(n, hostName))) return Optional.empty();
        return Optional.of("the certificate is for " + (names.isEmpty() ? "no host name" : String.join(", ", names.stream().limit(8).toList())
                + (names.size() > 8 ? ", …" : "")) + ", not " + hostName);
    }

    /** DNS names of a certificate: its DNS subject alternative names, else its common name(s). */
    static List<String> dnsNames(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0)) && san.get(1) instanceof String s) names.add(s);
                }
            }
        } catch (CertificateParsingException e) {
            // unreadable extension: fall back to the common name
        }
        if (!names.isEmpty()) return names;
        try {
            for (Rdn rdn : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) names.add(String.valueOf(rdn.getValue()));
            }
        } catch (InvalidNameException e) {
            // no usable common name
        }
        return names;
    }

    /** RFC 6125 §6.4: case-insensitive, trailing dots ignored, "*" only as the whole left-most label. */
    static boolean matches(String pattern, String host) {
        String p = strip(pattern);
        String h = strip(host);
        if (!p.startsWith("*.")) return p.equals(h);
        int dot = h.indexOf('.');
        if (dot <= 0) return false;
        String suffix = p.substring(2);
        return suffix.indexOf('.') > 0 && h.substring(dot + 1).equals(suffix);
    }

    private static String strip(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    public static Optional<String> weakKey(List<X509Certificate> chain) {
        if (chain.isEmpty()) return Optional.empty();
        X509Certificate leaf = chain.get(0);
        PublicKey key = leaf.getPublicKey();
        int bits = keyBits(key);
        boolean weak = switch (key) {
            case RSAPublicKey r -> bits < MIN_RSA_BITS;
            case DSAPublicKey d -> bits < MIN_RSA_BITS;
            case ECPublicKey e -> bits < MIN_EC_BITS;
            default -> false;
        };
        if (weak) return Optional.of("the certificate's " + key.getAlgorithm() + " key has only " + bits + " bits");
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            if (selfSigned(c)) continue;
            String alg = c.getSigAlgName().toUpperCase(Locale.ROOT);
            if (alg.contains("MD5") || alg.contains("MD2") || alg.startsWith("SHA1") || alg.contains("SHA1WITH")) {
                return Optional.of((i == 0 ? "the certificate" : "intermediate certificate " + subject(c))
                        + " is signed with " + c.getSigAlgName());
            }
        }
        return Optional.empty();
    }

    static int keyBits(PublicKey key) {
        return switch (key) {
            case RSAPublicKey r -> r.getModulus().bitLength();
            case DSAPublicKey d -> d.getParams() != null ? d.getParams().getP().bitLength() : 0;
            case ECPublicKey e -> e.getParams().getCurve().getField().getFieldSize();
            default -> 0;
        };
    }

    static String subject(X509Certificate c) {
        List<String> cn = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) cn.add(String.valueOf(rdn.getValue()));
            }
        } catch (InvalidNameException e) {
            // fall through to the full name
        }
        return cn.isEmpty() ? c.getSubjectX500Principal().getName() : "CN=" + String.join(",", cn);
    }
}
