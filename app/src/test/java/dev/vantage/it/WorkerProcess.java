package dev.vantage.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vantage worker} from the built jar as its own process, optionally inside a network
 * namespace ({@code ip netns exec}); {@link #id} is the worker name it prints once it claims jobs.
 * {@link #kill} is kill -9 (no shutdown hook: the crash the failover test needs); {@link #close}
 * is a normal stop.
 */
final class WorkerProcess implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("vantage worker: (\\S+) at vantage");

    final String id;
    private final Process process;
    private final Path log;

    private WorkerProcess(String id, Process process, Path log) {
        this.id = id;
        this.process = process;
        this.log = log;
    }

    /** Starts a worker (in namespace {@code netns} unless null) and waits, bounded, until it has started. */
    static WorkerProcess start(String netns, String db, String vantage, String... options) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (netns != null) cmd.addAll(List.of("ip", "netns", "exec", netns));
        cmd.addAll(List.of(Netns.java(), "-jar", Netns.jar(), "worker", "--db", db, "--vantage", vantage));
        cmd.addAll(List.of(options));
        Path log = Files.createTempFile("vantage-worker", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) return new WorkerProcess(m.group(1), p, log);
            if (!p.isAlive()) break;
            Thread.sleep(100);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        p.destroyForcibly();
        Files.deleteIfExists(log);
        throw new IllegalStateException("vantage worker did not start: " + text);
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: the process ends at once, in the middle of whatever it does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();    // SIGKILL on Linux
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        Files.deleteIfExists(log);
    }
}
