package dev.vantage.tripwire.record;

import dev.vantage.store.decoy.DecoyEvent;

/** Where connection threads hand their events. Never blocks; an event it cannot take is counted as dropped. */
public interface EventSink {
    void offer(DecoyEvent event);
}
