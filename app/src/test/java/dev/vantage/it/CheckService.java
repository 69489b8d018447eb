package dev.vantage.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code vantage serve} from the built jar, as its own process on a free loopback port, with a
 * private data directory; stopped by its Process handle (a normal stop: the shutdown hook runs).
 */
final class CheckService implements AutoCloseable {
    final int port;
    final Path dataDir;
    private final Process process;
    private final Path log;

    private CheckService(int port, Path dataDir, Process process, Path log) {
        this.port = port;
        this.dataDir = dataDir;
        this.process = process;
        this.log = log;
    }

    /** Starts the service with these extra options and waits (bounded) until it answers. */
    static CheckService start(Path dataDir, String... options) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Netns.java(), "-jar", Netns.jar(), "serve",
                "--listen", "127.0.0.1:" + port, "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(options));
        Path log = Files.createTempFile("vantage-serve", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CheckService s = new CheckService(port, dataDir, p, log);
        s.awaitPort(Duration.ofSeconds(60));
        return s;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void awaitPort(Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new IllegalStateException("vantage serve exited with " + process.exitValue() + ": " + log());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("vantage serve did not listen within " + max + ": " + log());
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
