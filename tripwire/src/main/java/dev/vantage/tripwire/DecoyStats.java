package dev.vantage.tripwire;

/**
 * Counters of a running tripwire, a consistent-enough snapshot for status lines and tests.
 * {@code accepted = served + overCapacity + rateLimited}; every accepted connection ends up either
 * {@code stored} or {@code dropped} (or still pending in the queue or an open session).
 *
 * @param accepted     connections accepted on the decoy ports
 * @param served       connections that met the fake prompt
 * @param overCapacity connections closed at once because {@code maxConnections} were open
 * @param rateLimited  connections closed at once because their source exceeded its rate
 * @param stored       connections written to the store
 * @param dropped      connections that could not be recorded (queue full, database failing)
 * @param open         sessions open now
 * @param pending      events waiting for the writer
 */
public record DecoyStats(long accepted, long served, long overCapacity, long rateLimited, long stored, long dropped,
                         int open, int pending) {

    /** One line for the log or terminal, with the process's heap, e.g. for the flood benchmark. */
    public String statusLine() {
        HeapGauge.Reading heap = HeapGauge.read();
        return String.format(java.util.Locale.ROOT,
                "tripwire: %d connections (%d served, %d over capacity, %d rate-limited), %d stored, %d dropped, %d open, %d pending,"
                        + " heap %d/%d MB, live after GC %d MB",
                accepted, served, overCapacity, rateLimited, stored, dropped, open, pending,
                heap.usedBytes() >> 20, heap.maxBytes() >> 20, heap.liveAfterGcBytes() >> 20);
    }
}
