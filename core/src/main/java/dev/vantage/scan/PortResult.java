package dev.vantage.scan;

import dev.vantage.target.Target;

/**
 * The verdict for one port of one address.
 *
 * @param rttMicros round-trip time of the answering attempt in microseconds, or -1 if nothing answered
 * @param attempts  how many connection attempts were made (more than one means retransmission)
 */
public record PortResult(Target target, int port, Protocol protocol, PortState state, Reason reason,
                         long rttMicros, int attempts) {

    public double rttMillis() {
        return rttMicros < 0 ? -1 : rttMicros / 1000.0;
    }
}
