package dev.vantage.udp;

import dev.vantage.probe.Service;
import dev.vantage.scan.PortResult;
import org.jspecify.annotations.Nullable;

/**
 * The verdict for one UDP port, and what answered there.
 *
 * @param result  state ({@code open}, {@code closed}, {@code open|filtered}), reason, round trip, attempts
 * @param service what the reply identified, with {@code transport=udp} among its details; an open
 *                port whose reply no probe recognised is {@code unknown} with an excerpt of the
 *                reply as banner; null when nothing answered
 */
public record UdpPortResult(PortResult result, @Nullable Service service) {
    public int port() {
        return result.port();
    }
}
