package dev.vantage.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * A developer aid for start-up and run-time work: with {@code -Dvantage.timing=T}, where T is the
 * wall-clock time the command was started in nanoseconds since the epoch, each phase of a run
 * prints on standard error how long it took and when it ended:
 * {@code VANTAGE_JAVA_OPTS="-Dvantage.timing=$(date +%s%N)" ./vantage check ...}. Any other value
 * measures from the first mark. Off by default, and then free.
 */
final class PhaseTimer {
    private static final String SETTING = System.getProperty("vantage.timing");
    private static final boolean ON = SETTING != null;
    private static long lastNanos = -1;
    private static long startNanos;

    private PhaseTimer() {
    }

    static boolean on() {
        return ON;
    }

    /** Records that {@code phase} has just ended. */
    static synchronized void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        if (lastNanos < 0) {
            long sinceStart = 0;
            if (SETTING.matches("[0-9]{10,19}")) {
                Instant started = Instant.ofEpochSecond(0, Long.parseLong(SETTING));
                sinceStart = Duration.between(started, Instant.now()).toNanos();
            }
            startNanos = now - sinceStart;
            lastNanos = startNanos;
        }
        PrintStream err = System.err;
        err.printf(java.util.Locale.ROOT, "vantage timing: %-28s +%7.1f ms  (at %7.1f ms)%n", phase,
                (now - lastNanos) / 1e6, (now - startNanos) / 1e6);
        lastNanos = now;
    }
}
