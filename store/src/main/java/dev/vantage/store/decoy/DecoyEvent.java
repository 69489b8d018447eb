package dev.vantage.store.decoy;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One connection to a decoy port, or a burst of connections from one source refused at once
 * ({@code attempts > 1}).
 *
 * @param hostAddress   the address the client connected to (or the public address the owner
 *                      declared for this tripwire, when it sits behind NAT)
 * @param banner        the fake service it met ({@code telnet}, {@code ftp}, ..., {@code none})
 * @param bytesReceived how many bytes the client sent before the connection ended (bounded)
 * @param firstBytes    what the client sent, at most a few KB, with passwords replaced by a marker
 * @param firstLine     the first non-empty line of it, printable, for summaries
 */
public record DecoyEvent(UUID id, UUID runId, Instant seenAt, String sourceAddress, int sourcePort,
                         String hostAddress, int port, String banner, DecoyOutcome outcome, int attempts,
                         int bytesReceived, byte[] firstBytes, @Nullable String firstLine,
                         List<DecoyCredential> credentials) {
    public DecoyEvent {
        if (attempts < 1) throw new IllegalArgumentException("attempts < 1");
        credentials = List.copyOf(credentials);
    }
}
