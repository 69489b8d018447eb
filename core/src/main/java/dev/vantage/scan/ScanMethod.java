package dev.vantage.scan;

import dev.vantage.BadInputException;

import java.util.Locale;

/**
 * How the TCP scan asks each port. Both methods give the same verdicts: a port that answers the
 * SYN stage is always confirmed with a full connect and watched, so open and open-restricted are
 * told apart the same way.
 */
public enum ScanMethod {
    /** The half-open method where it can run (root on Linux, IPv4 targets), else full connects. */
    AUTO,
    /** Full TCP connects: no privileges, IPv4 and IPv6 (nmap -sT). */
    CONNECT,
    /**
     * Half-open: one raw SYN per attempt, RST means closed, SYN-ACK is confirmed by a full connect
     * (nmap -sS, plus that confirmation). Needs a raw socket (root or CAP_NET_RAW), Linux, Java 22
     * or newer with native access, and IPv4 targets.
     */
    SYN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScanMethod parse(String text) {
        for (ScanMethod m : values()) if (m.label().equals(text.strip().toLowerCase(Locale.ROOT))) return m;
        throw new BadInputException("--scan-method must be auto, connect or syn (not '" + text + "').");
    }
}
