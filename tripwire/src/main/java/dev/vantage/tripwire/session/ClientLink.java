package dev.vantage.tripwire.session;

import java.io.IOException;

/** The byte pipe to one client: a socket in service, a scripted fake in tests and corpus replays. */
public interface ClientLink {
    /**
     * Reads what is available, waiting at most {@code timeoutMillis} (at least 1).
     *
     * @return the number of bytes read, 0 on timeout, -1 at end of stream
     */
    int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException;

    void write(byte[] bytes) throws IOException;
}
