package dev.vantage.internal;

import java.util.Locale;

/**
 * Where the wall time of a check goes: with {@code -Dvantage.trace=true} (for example through
 * {@code VANTAGE_JAVA_OPTS}), each probe conversation, check and UDP scan prints one line on
 * stderr when it ends — its end as epoch seconds, how long it took, and what it was. Off by
 * default, and then it costs one boolean test per call. Thread-safe (one {@code println} per line).
 *
 * <pre>{@code
 * long t = Trace.start();
 * ... one conversation ...
 * Trace.done(t, "identify 198.19.0.2:25 greeting 48 bytes");
 * }</pre>
 */
public final class Trace {
    private static final boolean ON = Boolean.getBoolean("vantage.trace");

    private Trace() {}

    public static boolean on() {
        return ON;
    }

    /** A start time for {@link #done}; cheap whether or not tracing is on. */
    public static long start() {
        return System.nanoTime();
    }

    /** Prints "vantage-trace END_EPOCH_S DURATION_MS what" if tracing is on. */
    public static void done(long startNanos, String what) {
        if (!ON) return;
        double ms = (System.nanoTime() - startNanos) / 1e6;
        System.err.println(String.format(Locale.ROOT, "vantage-trace %.3f %9.1f ms %s",
                System.currentTimeMillis() / 1000.0, ms, what));
    }
}
