package dev.vantage.scan;

/** Why a port got its state: the evidence the scanner saw. Labels follow nmap's where they exist. */
public enum Reason {
    SYN_ACK("syn-ack", "the handshake completed"),
    CONN_REFUSED("conn-refused", "the host answered with a reset"),
    CLOSED_AT_ONCE("closed-at-once", "the handshake completed, then the peer closed without sending anything"),
    RESET_AT_ONCE("reset-at-once", "the handshake completed, then the peer reset the connection"),
    NO_RESPONSE("no-response", "no answer after every retry"),
    HOST_UNREACH("host-unreach", "an ICMP host-unreachable or administratively-prohibited reply"),
    NET_UNREACH("net-unreach", "an ICMP network-unreachable reply or no route"),
    UDP_RESPONSE("udp-response", "the service answered a UDP probe"),
    PORT_UNREACH("port-unreach", "an ICMP port-unreachable reply");

    private final String label;
    private final String description;

    Reason(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static Reason fromLabel(String label) {
        for (Reason r : values()) if (r.label.equals(label)) return r;
        throw new IllegalArgumentException("unknown reason '" + label + "'");
    }
}
