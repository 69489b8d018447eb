package dev.vantage.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test hosts in network namespaces this test creates itself (addresses from 198.18.0.0/15), and
 * the processes it starts inside them. Everything is torn down in {@link #close()}: processes by
 * the handles we hold, then the namespaces. Commands are bounded in time.
 */
final class Netns implements AutoCloseable {
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    static boolean usable() {
        if (!"root".equals(System.getProperty("user.name"))) return false;
        try {
            return run(10, "ip", "netns", "list").exitCode == 0 && run(10, "iptables", "--version").exitCode == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    record Result(int exitCode, String out, String err) {}

    /** Creates a namespace (deleting a stale one of that name first) with loopback up. */
    void add(String name) {
        run(10, "ip", "netns", "del", name);
        must("ip", "netns", "add", name);
        namespaces.add(name);
        must("ip", "-n", name, "link", "set", "lo", "up");
    }

    /** Joins two namespaces with a veth pair and gives each end an address (CIDR form). */
    void link(String nsA, String ifA, String addrA, String nsB, String ifB, String addrB) {
        must("ip", "link", "add", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
        must("ip", "-n", nsA, "addr", "add", addrA, "dev", ifA);
        must("ip", "-n", nsB, "addr", "add", addrB, "dev", ifB);
        must("ip", "-n", nsA, "link", "set", ifA, "up");
        must("ip", "-n", nsB, "link", "set", ifB, "up");
    }

    /** Runs a command inside a namespace and insists it succeeds. */
    Result exec(String ns, String... command) {
        return must(prefixed(ns, command).toArray(String[]::new));
    }

    /** Runs a command inside a namespace, bounded in time, whatever its exit code. */
    Result execAllowingFailure(int seconds, String ns, String... command) {
        return run(seconds, prefixed(ns, command).toArray(String[]::new));
    }

    /**
     * A scanner namespace and a target namespace joined by a veth, at {@code net}.10 and
     * {@code net}.20 (a /24 of 198.18.0.0/15, e.g. {@code "198.18.1"}; one per test).
     */
    void scannerAndTarget(String scanNs, String targetNs, String net) {
        add(scanNs);
        add(targetNs);
        String third = net.substring(net.lastIndexOf('.') + 1);   // veth names per subnet, within 15 characters
        link(scanNs, "vt-s" + third, net + ".10/24", targetNs, "vt-t" + third, net + ".20/24");
    }

    /**
     * Starts a {@link TestListener} in {@code ns} ({@code hold PORTS}, {@code close PORTS}, for
     * five minutes at most) and waits, bounded, until every one of its ports listens.
     */
    void startListeners(String ns, String hold, String close) throws InterruptedException {
        start(ns, java(), "-cp", testClasspath(), TestListener.class.getName(), "300", "hold", hold, "close", close);
        List<String> ports = new ArrayList<>(List.of(hold.split(",")));
        ports.addAll(List.of(close.split(",")));
        for (int i = 0; i < 100; i++) {
            String listening = execAllowingFailure(10, ns, "ss", "-ltnH").out();
            if (ports.stream().allMatch(port -> listening.contains(":" + port + " "))) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("listeners did not come up in " + ns + ": hold " + hold + ", close " + close);
    }

    /** Starts a long-running process inside a namespace; it is ended in {@link #close()}. */
    Process start(String ns, String... command) {
        try {
            Process p = new ProcessBuilder(prefixed(ns, command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            processes.add(p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", command), e);
        }
    }

    private static List<String> prefixed(String ns, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(command));
        return full;
    }

    static Result must(String... command) {
        Result r = run(60, command);
        if (r.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exitCode + "): " + r.err + r.out);
        }
        return r;
    }

    static Result run(int seconds, String... command) {
        try {
            Path out = Files.createTempFile("vantage-it", ".out");
            Path err = Files.createTempFile("vantage-it", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + seconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The java binary running this test, and the jar under test. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static String jar() {
        String jar = System.getProperty("vantage.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) throw new IllegalStateException("vantage.jar not built: " + jar);
        return jar;
    }

    static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String ns : namespaces.reversed()) run(10, "ip", "netns", "del", ns);
    }
}
