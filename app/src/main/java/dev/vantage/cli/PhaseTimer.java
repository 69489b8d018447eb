package dev.vantage.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A developer aid for start-up and run-time work: with {@code -Dvantage.timing=T}, where T is the
 * wall-clock time the command was started in nanoseconds since the epoch, each phase of a run is
 * timed and the list is printed on standard error at the end:
 * {@code VANTAGE_JAVA_OPTS="-Dvantage.timing=$(date +%s%N)" ./vantage check ...}. Any other value
 * measures from the first mark. Off by default, and then free. Marks are only recorded while the
 * run goes on (printing them at once would add the cost of the first formatted output to the
 * phase being measured).
 */
final class PhaseTimer {
    private static final String SETTING = System.getProperty("vantage.timing");
    private static final boolean ON = SETTING != null;
    private static final List<String> PHASES = new ArrayList<>();
    private static final List<Long> ENDS = new ArrayList<>();
    private static long startNanos = -1;

    private PhaseTimer() {
    }

    static boolean on() {
        return ON;
    }

    /** Records that {@code phase} has just ended. */
    static synchronized void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        if (startNanos < 0) {
            long sinceStart = 0;
            try {
                long launchedEpochNanos = Long.parseLong(SETTING);
                long nowEpochNanos = System.currentTimeMillis() * 1_000_000L;
                sinceStart = Math.max(0, nowEpochNanos - launchedEpochNanos);
            } catch (NumberFormatException e) {
                // not a launch time: measure from here
            }
            startNanos = now - sinceStart;
        }
        PHASES.add(phase);
        ENDS.add(now);
    }

    /** Prints the recorded phases: how long each took and when it ended, in milliseconds. */
    static synchronized void report(PrintStream err) {
        if (!ON) return;
        long last = startNanos;
        for (int i = 0; i < PHASES.size(); i++) {
            long end = ENDS.get(i);
            err.printf(java.util.Locale.ROOT, "vantage timing: %-30s +%7.1f ms  (at %7.1f ms)%n", PHASES.get(i),
                    (end - last) / 1e6, (end - startNanos) / 1e6);
            last = end;
        }
    }
}
