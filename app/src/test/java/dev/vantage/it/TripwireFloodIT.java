package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tripwire under a connection flood, as a separate JVM with a 128 MB heap: 20 000
 * connections from 8 client threads on loopback, each sending a few bytes and closing. No
 * accepted connection may be lost (store and JSON-lines log hold exactly as many as the clients
 * saw accepted, nothing dropped), and the live heap after a full collection stays flat: it is
 * measured (jcmd GC.run, then the tripwire's status line) at the start and after each of two
 * rounds of 10 000, and may grow only by H2's page cache (16 MB by default). The figures go to
 * target/tripwire-flood.txt for the README.
 */
class TripwireFloodIT {
    private static final int CONNECTIONS = 20_000;
    private static final int THREADS = 8;
    private static final Pattern STATUS = Pattern.compile(
            "tripwire: (\\d+) connections \\((\\d+) served, (\\d+) over capacity, (\\d+) rate-limited\\), (\\d+) stored, (\\d+) dropped,"
                    + " (\\d+) open, (\\d+) pending, heap (\\d+)/(\\d+) MB, live after GC (\\d+) MB");

    private record Status(long accepted, long served, long overCapacity, long stored, long dropped, long heapMb, long liveMb) {
        static Status parse(String line) {
            Matcher m = STATUS.matcher(line);
            if (!m.find()) return null;
            return new Status(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(5)),
                    Long.parseLong(m.group(6)), Long.parseLong(m.group(9)), Long.parseLong(m.group(11)));
        }
    }

    @Test
    void twentyThousandConnectionsAreAllRecordedInA128MegabyteHeap() throws Exception {
        Path dir = Files.createTempDirectory("vantage-tripwire-flood");
        Path log = dir.resolve("events.jsonl");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process tripwire = new ProcessBuilder(Netns.java(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", Netns.jar(),
                "tripwire", "--ports", String.valueOf(port), "--bind", "127.0.0.1", "--data-dir", dir.resolve("data").toString(),
                "--log", log.toString(), "--source-rate", "0", "--status-interval", "1", "--duration", "600")
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(tripwire.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        List<String> seen = new ArrayList<>();
        try {
            waitFor(lines, seen, l -> l.contains("tripwire: listening on 127.0.0.1:" + port), 60);
            long liveBefore = liveAfterFullGc(tripwire, lines, seen);

            // Two rounds of 10 000, the live heap measured after each.
            AtomicLong accepted = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            double clientSeconds = 0;                     // time the clients took to connect, send and close
            double recordedSeconds = 0;                   // time until the last of their events was stored
            long start = System.nanoTime();
            flood(port, 0, CONNECTIONS / 2, accepted, refused);
            clientSeconds += (System.nanoTime() - start) / 1e9;
            waitForStatus(lines, seen, s -> s.stored() + s.dropped() >= accepted.get(), 120);
            recordedSeconds += (System.nanoTime() - start) / 1e9;
            long liveMiddle = liveAfterFullGc(tripwire, lines, seen);
            start = System.nanoTime();
            flood(port, 1, CONNECTIONS / 2, accepted, refused);
            clientSeconds += (System.nanoTime() - start) / 1e9;
            Status settled = waitForStatus(lines, seen, s -> s.stored() + s.dropped() >= accepted.get(), 120);
            recordedSeconds += (System.nanoTime() - start) / 1e9;
            long liveAfter = liveAfterFullGc(tripwire, lines, seen);
            long peakRssMb = peakRssMb(tripwire.pid());
            long maxHeap = seen.stream().map(Status::parse).filter(s -> s != null).mapToLong(Status::heapMb).max().orElse(-1);

            tripwire.toHandle().destroy();       // SIGTERM (Process.destroy would also close the pipe before the last lines)
            assertTrue(tripwire.waitFor(60, TimeUnit.SECONDS), "the tripwire did not stop on SIGTERM");
            reader.join(5000);
            lines.drainTo(seen);
            String stopped = seen.stream().filter(l -> l.startsWith("tripwire: stopped after")).findFirst().orElseThrow(
                    () -> new AssertionError("no final status line (exit " + tripwire.exitValue() + "): " + String.join("\n", seen)));

            assertEquals(0, refused.get(), "connections refused on loopback");
            assertEquals(CONNECTIONS, accepted.get());
            assertEquals(accepted.get(), settled.accepted(), "the tripwire accepted every connection the clients saw accepted");
            assertEquals(accepted.get(), settled.stored(), "every accepted connection stored");
            assertEquals(0, settled.dropped(), "nothing dropped at this load");
            assertTrue(stopped.contains(" " + accepted.get() + " stored, 0 dropped"), stopped);

            Process report = new ProcessBuilder(Netns.java(), "-jar", Netns.jar(), "tripwire", "report", "--data-dir",
                    dir.resolve("data").toString(), "--format", "json").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            JsonNode record = new ObjectMapper().readTree(report.getInputStream());
            assertTrue(report.waitFor(120, TimeUnit.SECONDS));
            assertEquals(accepted.get(), record.get("attempts").asLong(), "the attack record counts every connection");
            assertEquals(0, record.get("dropped").asLong());
            assertTrue(record.get("runs").get(0).get("stopped").asBoolean(), "the run was marked as stopped on SIGTERM");

            // Served connections have a line each with their own bytes; those refused at once (over capacity) are
            // folded per source and batch, with their count.
            Set<String> distinct = new HashSet<>();
            long logAttempts = 0;
            ObjectMapper json = new ObjectMapper();
            try (var stream = Files.lines(log)) {
                for (String line : (Iterable<String>) stream::iterator) {
                    JsonNode event = json.readTree(line);
                    logAttempts += event.get("attempts").asLong();
                    if (event.get("outcome").asText().equals("recorded")) distinct.add(event.path("first_line").asText());
                }
            }
            assertEquals(accepted.get(), logAttempts, "the log counts every connection");
            assertEquals(settled.served(), distinct.size(), "each served connection's own bytes recorded");
            assertEquals(accepted.get(), settled.served() + settled.overCapacity());

            // What stays is H2's page cache, capped at 16 MB by default; events themselves never accumulate.
            assertTrue(liveAfter - liveBefore <= 16 + 4, "live heap grew from " + liveBefore + " MB to " + liveAfter + " MB");
            String figures = String.format(Locale.ROOT,
                    "connections=%d threads=%d client_seconds=%.1f connections_per_second=%.0f recorded_seconds=%.1f served=%d"
                            + " over_capacity=%d stored=%d dropped=%d max_heap_used_mb=%d live_heap_start_mb=%d live_heap_after_10000_mb=%d"
                            + " live_heap_after_20000_mb=%d peak_rss_mb=%d heap_limit_mb=128%n",
                    accepted.get(), THREADS, clientSeconds, accepted.get() / clientSeconds, recordedSeconds, settled.served(),
                    settled.overCapacity(), settled.stored(), settled.dropped(), maxHeap, liveBefore, liveMiddle, liveAfter, peakRssMb);
            Files.writeString(Path.of("target", "tripwire-flood.txt"), figures);
            System.out.print("tripwire flood: " + figures);
        } finally {
            if (tripwire.isAlive()) {
                tripwire.destroyForcibly();
                tripwire.waitFor(10, TimeUnit.SECONDS);
            }
            deleteTree(dir);
        }
    }

    /** {@code count} connections from {@link #THREADS} threads, each sending its own line and closing. */
    private static void flood(int port, int round, int count, AtomicLong accepted, AtomicLong refused) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < count / THREADS; i++) {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                            accepted.incrementAndGet();
                            OutputStream out = s.getOutputStream();
                            out.write(("flood " + round + "-" + thread + "-" + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(300, TimeUnit.SECONDS);
        } finally {
            clients.shutdownNow();
        }
    }

    /** The process's peak resident set (VmHWM), for sizing MemoryMax= in the systemd unit. */
    private static long peakRssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
        return -1;
    }

    /** Asks the tripwire's JVM for a full collection (jcmd) and reads the live heap from its next status line. */
    private static long liveAfterFullGc(Process tripwire, BlockingQueue<String> lines, List<String> seen) throws Exception {
        Path jcmd = Path.of(Netns.java()).resolveSibling("jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(tripwire.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(gc.waitFor(60, TimeUnit.SECONDS), "jcmd GC.run did not finish");
        assertEquals(0, gc.exitValue(), "jcmd GC.run failed");
        lines.drainTo(seen);                                  // status lines from before the collection
        waitForStatus(lines, seen, s -> true, 30);            // one more that may have been on its way
        return waitForStatus(lines, seen, s -> true, 30).liveMb();
    }

    private static Status waitForStatus(BlockingQueue<String> lines, List<String> seen, java.util.function.Predicate<Status> ok, int seconds)
            throws InterruptedException {
        String line = waitFor(lines, seen, l -> {
            Status s = Status.parse(l);
            return s != null && ok.test(s);
        }, seconds);
        return Status.parse(line);
    }

    private static String waitFor(BlockingQueue<String> lines, List<String> seen, java.util.function.Predicate<String> ok, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) continue;
            seen.add(line);
            if (ok.test(line)) return line;
        }
        throw new AssertionError("no such line from the tripwire within " + seconds + " s; it said: " + String.join("\n", seen));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
