package dev.vantage.udp.internal;

import dev.vantage.scan.PortState;
import dev.vantage.scan.Reason;
import dev.vantage.udp.UdpExchange;
import dev.vantage.udp.UdpScanConfig;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The attempts at one UDP port: send the requests, wait, retransmit, and say what happened. One
 * run per port, on its own virtual thread.
 */
public final class PortProbeRun {
    /**
     * What one port did.
     *
     * @param replies  the datagrams of the answering attempt (empty unless open)
     * @param rttMicros from the answering attempt's first send to its first reply; -1 if nothing answered
     */
    public record Outcome(PortState state, Reason reason, List<byte[]> replies, long rttMicros, int attempts) {}

    private static final int MAX_REPLIES = 8;

    private final UdpScanConfig config;
    private final DatagramRate rate;

    public PortProbeRun(UdpScanConfig config, DatagramRate rate) {
        this.config = config;
        this.rate = rate;
    }

    /**
     * @param anotherPort whether the service may answer from another port: after silence on the
     *                    connected channel, one more attempt listens for any port of the address
     */
    public Outcome run(InetSocketAddress remote, List<byte[]> requests, boolean anotherPort) throws InterruptedException {
        Outcome connected = runConnected(remote, requests);
        if (!anotherPort || connected.state() != PortState.OPEN_FILTERED) return connected;
        try (UdpExchange x = UdpExchange.openAcceptingAnyPort(remote)) {
            Outcome o = attempt(x, requests, config.attemptTimeout(config.maxRetries()), connected.attempts() + 1);
            return o != null ? o : new Outcome(PortState.OPEN_FILTERED, Reason.NO_RESPONSE, List.of(), -1, connected.attempts() + 1);
        } catch (IOException e) {
            return connected;
        }
    }

    private Outcome runConnected(InetSocketAddress remote, List<byte[]> requests) throws InterruptedException {
        int attempts = 0;
        try (UdpExchange x = UdpExchange.open(remote)) {
            for (int n = 0; n <= config.maxRetries(); n++) {
                attempts++;
                Outcome o = attempt(x, requests, config.attemptTimeout(n), attempts);
                if (o != null) return o;
            }
            return new Outcome(PortState.OPEN_FILTERED, Reason.NO_RESPONSE, List.of(), -1, attempts);
        } catch (PortUnreachableException e) {
            return new Outcome(PortState.CLOSED, Reason.PORT_UNREACH, List.of(), -1, Math.max(1, attempts));
        } catch (NoRouteToHostException e) {
            return new Outcome(PortState.FILTERED, Reason.HOST_UNREACH, List.of(), -1, Math.max(1, attempts));
        } catch (IOException e) {
            return new Outcome(PortState.FILTERED, Reason.NET_UNREACH, List.of(), -1, Math.max(1, attempts));
        }
    }

    /** One attempt: send every request, wait for the first reply, then briefly for the others. Null if silent. */
    private @Nullable Outcome attempt(UdpExchange x, List<byte[]> requests, Duration wait, int attempts)
            throws IOException, InterruptedException {
        long sent = 0;
        for (byte[] r : requests) {
            rate.acquire();
            if (sent == 0) sent = System.nanoTime();
            x.send(r);
        }
        byte[] first = x.receive(wait);
        if (first == null) return null;
        long rtt = (System.nanoTime() - sent) / 1000;
        List<byte[]> replies = new ArrayList<>(List.of(first));
        while (replies.size() < Math.min(requests.size(), MAX_REPLIES)) {
            byte[] more = x.receive(config.replyGrace());
            if (more == null) break;
            replies.add(more);
        }
        return new Outcome(PortState.OPEN, Reason.UDP_RESPONSE, replies, rtt, attempts);
    }
}
