package dev.vantage.probe.tls;

import java.util.Map;

/** IANA names of the cipher suites our ClientHellos offer, for evidence. */
final class CipherSuites {
    private CipherSuites() {}

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0xc02b, "ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), Map.entry(0xc02f, "ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xc02c, "ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"), Map.entry(0xc030, "ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xcca9, "ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"), Map.entry(0xcca8, "ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0x009e, "DHE_RSA_WITH_AES_128_GCM_SHA256"), Map.entry(0x009f, "DHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0x009c, "RSA_WITH_AES_128_GCM_SHA256"), Map.entry(0x009d, "RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xc023, "ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"), Map.entry(0xc027, "ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0xc024, "ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"), Map.entry(0xc028, "ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(0x0067, "DHE_RSA_WITH_AES_128_CBC_SHA256"), Map.entry(0x006b, "DHE_RSA_WITH_AES_256_CBC_SHA256"),
            Map.entry(0x003c, "RSA_WITH_AES_128_CBC_SHA256"), Map.entry(0x003d, "RSA_WITH_AES_256_CBC_SHA256"),
            Map.entry(0xc009, "ECDHE_ECDSA_WITH_AES_128_CBC_SHA"), Map.entry(0xc013, "ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xc00a, "ECDHE_ECDSA_WITH_AES_256_CBC_SHA"), Map.entry(0xc014, "ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x0033, "DHE_RSA_WITH_AES_128_CBC_SHA"), Map.entry(0x0039, "DHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x0032, "DHE_DSS_WITH_AES_128_CBC_SHA"), Map.entry(0x0038, "DHE_DSS_WITH_AES_256_CBC_SHA"),
            Map.entry(0x002f, "RSA_WITH_AES_128_CBC_SHA"), Map.entry(0x0035, "RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x0045, "DHE_RSA_WITH_CAMELLIA_128_CBC_SHA"), Map.entry(0x0088, "DHE_RSA_WITH_CAMELLIA_256_CBC_SHA"),
            Map.entry(0x0041, "RSA_WITH_CAMELLIA_128_CBC_SHA"), Map.entry(0x0084, "RSA_WITH_CAMELLIA_256_CBC_SHA"),
            Map.entry(0x0096, "RSA_WITH_SEED_CBC_SHA"), Map.entry(0x0007, "RSA_WITH_IDEA_CBC_SHA"),
            Map.entry(0xc012, "ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"), Map.entry(0xc008, "ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0x0016, "DHE_RSA_WITH_3DES_EDE_CBC_SHA"), Map.entry(0x0013, "DHE_DSS_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0x000a, "RSA_WITH_3DES_EDE_CBC_SHA"), Map.entry(0xc011, "ECDHE_RSA_WITH_RC4_128_SHA"),
            Map.entry(0xc007, "ECDHE_ECDSA_WITH_RC4_128_SHA"), Map.entry(0x0005, "RSA_WITH_RC4_128_SHA"),
            Map.entry(0x0004, "RSA_WITH_RC4_128_MD5"), Map.entry(0x0015, "DHE_RSA_WITH_DES_CBC_SHA"),
            Map.entry(0x0012, "DHE_DSS_WITH_DES_CBC_SHA"), Map.entry(0x0009, "RSA_WITH_DES_CBC_SHA"),
            Map.entry(0x0014, "DHE_RSA_EXPORT_WITH_DES40_CBC_SHA"), Map.entry(0x0011, "DHE_DSS_EXPORT_WITH_DES40_CBC_SHA"),
            Map.entry(0x0008, "RSA_EXPORT_WITH_DES40_CBC_SHA"), Map.entry(0x0006, "RSA_EXPORT_WITH_RC2_CBC_40_MD5"),
            Map.entry(0x0003, "RSA_EXPORT_WITH_RC4_40_MD5"));

    static String name(int code) {
        String n = NAMES.get(code);
        return n != null ? "TLS_" + n : String.format("0x%04x", code);
    }
}
