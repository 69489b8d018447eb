package dev.vantage.report;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The scanner's own source address towards a target, as the kernel's routing picks it: a UDP
 * socket is "connected" (which sends nothing) and asked for its local address. The policy's
 * {@code from} rules are judged against it. Null when there is no route.
 */
public final class SourceAddresses implements Function<InetAddress, @Nullable InetAddress> {
    private final ConcurrentHashMap<InetAddress, InetAddress> cache = new ConcurrentHashMap<>();
    private static final InetAddress NONE = InetAddress.getLoopbackAddress();

    @Override
    public @Nullable InetAddress apply(InetAddress target) {
        InetAddress a = cache.computeIfAbsent(target, SourceAddresses::lookup);
        return a == NONE ? null : a;
    }

    private static InetAddress lookup(InetAddress target) {
        if (target.isLoopbackAddress()) return target;
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(target, 9));
            InetAddress local = s.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? NONE : local;
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }
}
