package dev.vantage.probe.tls;

import java.util.Optional;

/** The protocol versions a server may still accept, with their wire codes. */
public enum TlsVersion {
    SSL_2_0(0x0002, "SSLv2"),
    SSL_3_0(0x0300, "SSLv3"),
    TLS_1_0(0x0301, "TLSv1.0"),
    TLS_1_1(0x0302, "TLSv1.1"),
    TLS_1_2(0x0303, "TLSv1.2"),
    TLS_1_3(0x0304, "TLSv1.3");

    private final int code;
    private final String label;

    TlsVersion(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<TlsVersion> of(int code) {
        for (TlsVersion v : values()) {
            if (v.code == code) return Optional.of(v);
        }
        return Optional.empty();
    }

    /** "TLSv1.0", or the hex code for versions we do not name. */
    public static String label(int code) {
        return of(code).map(TlsVersion::label).orElse(String.format("0x%04x", code));
    }
}
