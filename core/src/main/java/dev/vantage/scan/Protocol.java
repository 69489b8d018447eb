package dev.vantage.scan;

public enum Protocol {
    TCP, UDP;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
