package dev.vantage.scan;

/** What one port looked like from the scanner's position. */
public enum PortState {
    /** A service accepted the connection (and did not drop it at once). */
    OPEN("open"),
    /**
     * The TCP handshake succeeded, but the peer closed or reset the connection at once without a
     * byte: an access rule on the host (tcpwrappers, inetd, a host firewall proxy) refused us.
     */
    OPEN_RESTRICTED("open-restricted"),
    /** The host answered that nothing listens (RST). */
    CLOSED("closed"),
    /** No answer after every retry, or an ICMP unreachable: something in the path drops or rejects. */
    FILTERED("filtered"),
    /** UDP without an answer: open with a silent service, or filtered; UDP cannot tell. */
    OPEN_FILTERED("open|filtered");

    private final String label;

    PortState(String label) {
        this.label = label;
    }

    /** The stable text form used in JSON and reports. */
    public String label() {
        return label;
    }

    /** Open in any form: a service is reachable there. */
    public boolean isReachable() {
        return this == OPEN || this == OPEN_RESTRICTED;
    }

    public static PortState fromLabel(String label) {
        for (PortState s : values()) if (s.label.equals(label)) return s;
        throw new IllegalArgumentException("unknown port state '" + label + "'");
    }
}
