package dev.vantage.server.proof;

import java.util.Locale;
import java.util.Optional;

/** The ways a customer proves control of a host before any check of it runs. */
public enum ProofMethod {
    /** The browser (or API client) connects from the host's own address. */
    SELF,
    /** {@code _vantage-challenge.<name>} has a TXT record with the target's token. */
    DNS,
    /** {@code http://<host>/.well-known/vantage-challenge/<token>} answers with the token. */
    HTTP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProofMethod> parse(String code) {
        for (ProofMethod m : values()) if (m.code().equalsIgnoreCase(code == null ? "" : code.strip())) return Optional.of(m);
        return Optional.empty();
    }
}
