package dev.vantage.probe;

import java.io.IOException;
import java.util.Optional;

/**
 * Recognises one protocol. Two ways, either or both:
 * <ul>
 *   <li>{@link #fromGreeting}: a pure function of what the service said unprompted (SSH, SMTP,
 *       FTP, POP3, IMAP, MySQL greet first). No I/O, so it is cheap and easy to fuzz.</li>
 *   <li>{@link #query}: on a fresh connection of its own, send a request and read the answer
 *       (HTTP, Redis, DNS over TCP, ...). Every read is bounded by the {@link Connection}'s budget.</li>
 * </ul>
 * Implementations are stateless and thread-safe: one instance serves every port of a scan,
 * called from many virtual threads at once.
 */
public interface ServiceProbe {

    ProbeInfo info();

    /** @param greeting what the service sent after connecting, before we said anything (never empty here) */
    default Optional<Service> fromGreeting(byte[] greeting) {
        return Optional.empty();
    }

    /** Sends this probe's request on a fresh connection (nothing has been read from it yet). */
    default Optional<Service> query(Connection connection) throws IOException {
        return Optional.empty();
    }
}
