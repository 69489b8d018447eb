package dev.vantage.scan.internal;

import dev.vantage.scan.PortState;
import dev.vantage.scan.Reason;
import org.jspecify.annotations.Nullable;

import static dev.vantage.scan.internal.LinuxSockets.EAGAIN;
import static dev.vantage.scan.internal.LinuxSockets.EINTR;

/**
 * What the first read on a just-connected, watched socket says about its port, for the lanes that
 * read through {@link LinuxSockets}: a reset is a refusal at once, an orderly close too (the
 * inetd/tcpwrappers case), any byte a live service greeting us.
 */
record WatchVerdict(PortState state, Reason reason) {
    private static final WatchVerdict RESET = new WatchVerdict(PortState.OPEN_RESTRICTED, Reason.RESET_AT_ONCE);
    private static final WatchVerdict CLOSED = new WatchVerdict(PortState.OPEN_RESTRICTED, Reason.CLOSED_AT_ONCE);
    private static final WatchVerdict GREETS = new WatchVerdict(PortState.OPEN, Reason.SYN_ACK);

    /** @param recv what recv returned (bytes, 0 at end of stream, or -errno); null: nothing to read yet */
    static @Nullable WatchVerdict afterRead(int recv) {
        if (recv == -EAGAIN || recv == -EINTR) return null;
        return recv < 0 ? RESET : recv == 0 ? CLOSED : GREETS;
    }
}
