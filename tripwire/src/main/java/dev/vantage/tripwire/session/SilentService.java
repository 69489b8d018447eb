package dev.vantage.tripwire.session;

import java.io.IOException;

/** No banner: say nothing, record what the client sends until it stops, the deadline or the size limit. */
public final class SilentService implements FakeService {
    @Override
    public void converse(Conversation c) throws IOException {
        for (int i = 0; i < 10_000 && !c.ended(); i++) c.keep(c.readAvailable(Integer.MAX_VALUE));
    }
}
