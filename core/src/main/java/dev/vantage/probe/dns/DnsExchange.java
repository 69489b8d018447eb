package dev.vantage.probe.dns;

import java.io.IOException;

/**
 * Sends one query and returns the matching reply. The checks' logic is written against this, so
 * the same logic runs over TCP ({@link DnsTcp}) or, later, over UDP.
 */
@FunctionalInterface
public interface DnsExchange {
    /**
     * @param query a query built by {@link DnsMessage#query}
     * @return the reply whose id and question match the query
     * @throws IOException when no such reply came (timeout, closed, garbage)
     */
    DnsMessage exchange(byte[] query) throws IOException;
}
