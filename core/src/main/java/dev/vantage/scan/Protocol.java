package dev.vantage.scan;

public enum Protocol {
    TCP("tcp"), UDP("udp");

    private final String label;

    Protocol(String label) {
        this.label = label;
    }

    /** The lower-case name reports use (asked once per port of a full listing: kept, not recomputed). */
    public String label() {
        return label;
    }
}
