package dev.vantage.scan;

/**
 * Totals of a finished scan.
 *
 * @param attempts        connection attempts made, retransmissions included
 * @param retransmissions attempts beyond the first for a port
 */
public record ScanSummary(int hosts, StateCounts counts, long elapsedMillis, long attempts, long retransmissions) {}
