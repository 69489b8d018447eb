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

    /**
     * How long an attempt waits between its requests: long enough for a near host's ICMP error
     * to come back (on a LAN well under a millisecond), short beside the attempt's wait.
     */
    private static final Duration REQUEST_SPACING = Duration.ofMillis(60);

    private final UdpScanConfig config;
    private final DatagramRate rate;

    public PortProbeRun(UdpScanConfig config, DatagramRate rate) {
        this.config = config;
        this.rate = rate;
    }

    /**
     * @param anotherPort whether the service may answer from another port (TFTP): then a second,
     *                    unconnected channel on the same local port listens beside the connected
     *                    one for the whole schedule ({@link UdpExchange#openBeside}); it sends
     *                    nothing, so a closed port draws no more datagrams, and spends no more of
     *                    the host's rate-limited ICMP errors, than any other port. (A listener on
     *                    a port of its own, sending its own requests, raced the connected channel
     *                    for those errors: a closed TFTP port behind a rate limit came out
     *                    open|filtered.) Where the platform refuses the shared port, the listener
     *                    falls back to a port of its own from the second attempt on.
     */
    public Outcome run(InetSocketAddress remote, List<byte[]> requests, boolean anotherPort) throws InterruptedException {
        if (!anotherPort) {
            try (UdpExchange x = UdpExchange.open(remote)) {
                return runConnected(x, requests);
            } catch (IOException e) {
                return unreachable(e, 1);
            }
        }
        UdpExchange connectedChannel;
        try {
            connectedChannel = UdpExchange.openShareable(remote);
        } catch (IOException e) {
            return unreachable(e, 1);
        }
        try (UdpExchange x = connectedChannel; UdpExchange beside = besideOrNull(x)) {
            return race(x, requests, beside);
        }
    }

    private static @Nullable UdpExchange besideOrNull(UdpExchange connected) {
        try {
            return connected.openBeside();
        } catch (IOException e) {
            return null;
        }
    }

    /** The connected channel's schedule against the any-port listener: the first decisive outcome wins. */
    private Outcome race(UdpExchange x, List<byte[]> requests, @Nullable UdpExchange beside) throws InterruptedException {
        BlockingQueue<Optional<Outcome>> connected = new ArrayBlockingQueue<>(1);   // empty: interrupted
        BlockingQueue<Optional<Outcome>> anyPort = new ArrayBlockingQueue<>(1);     // empty: nothing heard
        BlockingQueue<BlockingQueue<Optional<Outcome>>> finished = new ArrayBlockingQueue<>(2);
        long started = System.nanoTime();
        Thread c = Thread.ofVirtual().start(() -> {
            try {
                connected.add(Optional.of(runConnected(x, requests)));
            } catch (InterruptedException e) {
                connected.add(Optional.empty());
            }
            finished.add(connected);
        });
        Thread a = Thread.ofVirtual().start(() -> {
            anyPort.add(beside != null ? listen(beside, started) : runAnyPort(x.remote(), requests));
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
            c.join();                                         // before the channels close under them
            a.join();
        }
    }

    /** The listener beside the connected channel: an answer from another port within the whole schedule, or empty. */
    private Optional<Outcome> listen(UdpExchange beside, long started) {
        long schedule = config.replyGrace().toNanos();
        for (int n = 0; n <= config.maxRetries(); n++) schedule += config.attemptTimeout(n).toNanos();
        try {
            byte[] first = beside.receive(Duration.ofNanos(schedule - (System.nanoTime() - started)));
            if (first == null) return Optional.empty();
            long rtt = (System.nanoTime() - started) / 1000;
            List<byte[]> replies = new ArrayList<>(List.of(first));
            for (byte[] more; replies.size() < MAX_REPLIES && (more = beside.receive(config.replyGrace())) != null; ) replies.add(more);
            return Optional.of(new Outcome(PortState.OPEN, Reason.UDP_RESPONSE, replies, rtt, 1));
        } catch (IOException e) {
            return Optional.empty();                          // interrupted because the connected channel decided
        }
    }

    /** The fallback listener on a port of its own, asking from the second attempt on: an answer from any port, or empty. */
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

    private Outcome runConnected(UdpExchange x, List<byte[]> requests) throws InterruptedException {
        int attempts = 0;
        try {
            for (int n = 0; n <= config.maxRetries(); n++) {
                attempts++;
                Outcome o = attempt(x, requests, config.attemptTimeout(n), attempts);
                if (o != null) return o;
            }
            return new Outcome(PortState.OPEN_FILTERED, Reason.NO_RESPONSE, List.of(), -1, attempts);
        } catch (IOException e) {
            return unreachable(e, attempts);
        }
    }

    /** What an ICMP error (surfacing as an exception on the connected channel) says about the port. */
    private static Outcome unreachable(IOException e, int attempts) {
        if (e instanceof PortUnreachableException) return new Outcome(PortState.CLOSED, Reason.PORT_UNREACH, List.of(), -1, Math.max(1, attempts));
        if (e instanceof NoRouteToHostException) return new Outcome(PortState.FILTERED, Reason.HOST_UNREACH, List.of(), -1, Math.max(1, attempts));
        return new Outcome(PortState.FILTERED, Reason.NET_UNREACH, List.of(), -1, Math.max(1, attempts));
    }

    /**
     * One attempt: send every request, wait for the first reply, then briefly for the others. Null
     * if silent. The requests after the first go out {@link #REQUEST_SPACING} apart, unless
     * something has come back by then: a closed port's ICMP error to the first ends the attempt
     * before the others are sent, so each closed port spends one of the host's rate-limited ICMP
     * errors, not one per request.
     */
    private @Nullable Outcome attempt(UdpExchange x, List<byte[]> requests, Duration wait, int attempts)
            throws IOException, InterruptedException {
        long sent = 0;
        byte[] first = null;
        long firstAt = 0;
        for (int i = 0; i < requests.size(); i++) {
            if (i > 0 && first == null) {
                first = x.receive(REQUEST_SPACING);           // throws on the first request's ICMP error
                firstAt = System.nanoTime();
            }
            rate.acquire();
            if (sent == 0) sent = System.nanoTime();
            x.send(requests.get(i));
        }
        if (first == null) {
            first = x.receive(wait.minusNanos(System.nanoTime() - sent));
            firstAt = System.nanoTime();
        }
        if (first == null) return null;
        long rtt = (firstAt - sent) / 1000;
        List<byte[]> replies = new ArrayList<>(List.of(first));
        while (replies.size() < Math.min(requests.size(), MAX_REPLIES)) {
            byte[] more = x.receive(config.replyGrace());
            if (more == null) break;
            replies.add(more);
        }
        return new Outcome(PortState.OPEN, Reason.UDP_RESPONSE, replies, rtt, attempts);
    }
}
