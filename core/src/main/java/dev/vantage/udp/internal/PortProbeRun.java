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
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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
     * @param anotherPort whether the service may answer from another port (TFTP): then a second
     *                    channel, unconnected, listens for any port of the address alongside the
     *                    connected one, sending its own requests from the connected channel's
     *                    second attempt on (so a closed port, whose ICMP answers the first, never
     *                    sees it, and spends none of the host's ICMP budget on it). The connected
     *                    channel alone can tell closed from silent; the other hears the answer
     *                    from a new port. Run one after the other, a silent port cost one more
     *                    attempt (2 s) after the whole schedule.
     */
    public Outcome run(InetSocketAddress remote, List<byte[]> requests, boolean anotherPort) throws InterruptedException {
        if (!anotherPort) return runConnected(remote, requests);
        BlockingQueue<Optional<Outcome>> connected = new ArrayBlockingQueue<>(1);   // empty: interrupted
        BlockingQueue<Optional<Outcome>> anyPort = new ArrayBlockingQueue<>(1);     // empty: nothing heard
        BlockingQueue<BlockingQueue<Optional<Outcome>>> finished = new ArrayBlockingQueue<>(2);
        Thread c = Thread.ofVirtual().start(() -> {
            try {
                connected.add(Optional.of(runConnected(remote, requests)));
            } catch (InterruptedException e) {
                connected.add(Optional.empty());
            }
            finished.add(connected);
        });
        Thread a = Thread.ofVirtual().start(() -> {
            anyPort.add(runAnyPort(remote, requests));
            finished.add(anyPort);
        });
        try {
            Outcome silent = null;
            for (int ended = 0; ended < 2; ended++) {         // both end within the schedule; the first decisive one wins
                BlockingQueue<Optional<Outcome>> which = finished.take();
                Optional<Outcome> o = which.take();
                if (o.isEmpty()) continue;
                if (which == anyPort || o.get().state() != PortState.OPEN_FILTERED) return o.get();
                silent = o.get();
            }
            return silent != null ? silent : new Outcome(PortState.OPEN_FILTERED, Reason.NO_RESPONSE, List.of(), -1, 0);
        } finally {
            c.interrupt();                                    // closes the loser's channel; its result is dropped
            a.interrupt();
        }
    }

    /** The unconnected channel's attempts: an answer from any port of the address, or empty. */
    private Optional<Outcome> runAnyPort(InetSocketAddress remote, List<byte[]> requests) {
        try (UdpExchange x = UdpExchange.openAcceptingAnyPort(remote)) {
            Thread.sleep(config.attemptTimeout(0));
            for (int n = 1; n <= config.maxRetries(); n++) {
                Outcome o = attempt(x, requests, config.attemptTimeout(n), n + 1);
                if (o != null) return Optional.of(o);
            }
        } catch (IOException e) {
            // interrupted because the connected channel decided, or the channel failed: no answer here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
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
