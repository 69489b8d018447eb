package dev.vantage.assess;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the tripwire recorded on a decoy port, for the owner's report ("decoy port 23: 41
 * attempts from 17 sources since the last check"). Implemented over the tripwire's store; the
 * assessment only reads it, and the check command tells it when a check finished, so that the
 * next check knows when "the last check" was.
 */
public interface DecoyActivity {
    /**
     * Attempts on one decoy port of a host in a window that ends when the check being reported started.
     *
     * @param port           the decoy port
     * @param count          connection attempts in the window
     * @param sources        distinct source addresses among them
     * @param since          where the window starts
     * @param sinceLastCheck true: {@code since} is when the previous check of this host finished;
     *                       false: there was none, and {@code since} is when the tripwire began watching the port
     */
    record Attempts(int port, int count, int sources, Instant since, boolean sinceLastCheck) {}

    /**
     * Attempts on {@code port} of the host with these addresses, from the previous check of the host
     * up to {@code checkStarted}. Empty when the record knows nothing of that port (no tripwire
     * watched it), which is not the same as no attempts.
     */
    Optional<Attempts> attempts(List<InetAddress> hostAddresses, int port, Instant checkStarted);

    /** Notes that a check of the host with these addresses finished (the start of the next window). */
    default void checked(List<InetAddress> hostAddresses, Instant checkFinished) {
    }

    DecoyActivity NONE = (addresses, port, checkStarted) -> Optional.empty();
}
