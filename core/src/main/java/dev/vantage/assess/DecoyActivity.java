package dev.vantage.assess;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * What the tripwire recorded on a decoy port, for the owner's report ("decoy port 23: 41
 * attempts from 17 sources since the last check"). Implemented by the tripwire's store; the
 * assessment only reads it.
 */
public interface DecoyActivity {
    record Attempts(int count, int sources, Instant since) {}

    /**
     * Attempts recorded on {@code port} of the host with one of these addresses since {@code since}.
     * Empty when the store knows nothing of that port.
     */
    Optional<Attempts> attempts(java.util.List<InetAddress> hostAddresses, int port, Instant since);

    DecoyActivity NONE = (addresses, port, since) -> Optional.empty();
}
