package dev.vantage.tripwire.session;

import java.io.IOException;

/**
 * One protocol's fake prompt. Runs on the connection's own (virtual) thread; says what a real
 * server would say first, reads what the client tries, keeps user names and password hashes, and
 * returns. Every loop is bounded; the conversation's time and size limits end it in any case.
 * Implementations hold no state between connections and must record every byte they read
 * through {@link Conversation#keep} or {@link Conversation#keepSecret}.
 */
public interface FakeService {
    void converse(Conversation c) throws IOException;
}
