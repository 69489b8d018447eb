package dev.vantage.it;

import dev.vantage.check.CheckRegistry;
import dev.vantage.check.CheckRunner;
import dev.vantage.check.CheckSettings;
import dev.vantage.check.Finding;
import dev.vantage.probe.IdentifyConfig;
import dev.vantage.probe.ProbeRegistry;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceIdentifier;
import dev.vantage.target.Target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real mail-group daemon (Postfix, vsftpd, Dovecot, oidentd) started by a test on loopback with
 * a private configuration, and the helpers those tests share: wait until it answers (bounded),
 * identify and check it in-process with every registered probe and check, ask nmap for comparison.
 * Stopped by its Process handle, never by name.
 */
final class MailDaemon implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private MailDaemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Whether this test can run daemons: root, and the given programs installed. */
    static boolean usable(String... programs) {
        if (!"root".equals(System.getProperty("user.name"))) return false;
        for (String p : programs) if (!Files.isExecutable(Path.of(p))) return false;
        return true;
    }

    /** Starts a foreground daemon; its output goes to {@code log}. */
    static MailDaemon start(String name, Path log, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        return new MailDaemon(name, pb.start(), log);
    }

    /** Waits (at most {@code max}) until something accepts connections on the address. */
    MailDaemon awaitPort(InetAddress address, int port, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + tail());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 500);
                return this;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(name + " did not listen on " + address.getHostAddress() + ":" + port + " within " + max + ": " + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** A TCP port free on 127.0.0.1 right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Whether nothing listens on address:port (so a test may take it). */
    static boolean portFree(InetAddress address, int port) {
        try (ServerSocket s = new ServerSocket(port, 1, address)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A temporary directory others may traverse (daemons drop privileges). */
    static Path sharedTempDir(String prefix) throws IOException {
        Path d = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        return d;
    }

    /** Removes a test's temp dir and everything in it (daemons are stopped first). */
    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** A self-signed certificate and key for the daemons that offer TLS: {cert, key}. */
    static Path[] selfSignedCertificate(Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        run(60, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=mail.it.test",
                "-keyout", key.toString(), "-out", cert.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return new Path[] {cert, key};
    }

    /** The upstream part of an installed Debian package's version: 1:2.3.19.1+dfsg1-2.1 → 2.3.19.1. */
    static String upstreamVersion(String pkg) throws Exception {
        String v = run(30, "dpkg-query", "-W", "-f", "${Version}", pkg).strip();
        int colon = v.indexOf(':');
        if (colon >= 0) v = v.substring(colon + 1);
        int dash = v.lastIndexOf('-');
        if (dash > 0) v = v.substring(0, dash);
        int plus = v.indexOf('+');
        return plus > 0 ? v.substring(0, plus) : v;
    }

    static String run(int seconds, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + text);
        return text;
    }

    static int exitCode(int seconds, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return p.exitValue();
    }

    /** What identification makes of address:port, with every registered probe. */
    static Service identify(InetAddress address, int port) {
        return new ServiceIdentifier(ProbeRegistry.builtins(), IdentifyConfig.defaults()).identify(new InetSocketAddress(address, port));
    }

    /** Runs every registered check (level 3, intrusive allowed) against an identified service. */
    static CheckRunner.Outcome check(InetAddress address, int port, Service service) {
        CheckRunner runner = new CheckRunner(CheckRegistry.builtins(), CheckSettings.defaults(), 3, true);
        return runner.run(new Target(address.getHostAddress(), address), port, service);
    }

    static List<String> ids(CheckRunner.Outcome outcome) {
        List<String> ids = new ArrayList<>();
        for (Finding f : outcome.findings()) ids.add(f.id());
        return ids;
    }

    static Optional<Finding> finding(CheckRunner.Outcome outcome, String id) {
        return outcome.findings().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** What nmap -sV reports for one port; empty when nmap is not installed. */
    record NmapService(String name, String product, String version) {}

    private static final Pattern NMAP_SERVICE = Pattern.compile("<service name=\"([^\"]*)\"(?: product=\"([^\"]*)\")?(?: version=\"([^\"]*)\")?");

    static Optional<NmapService> nmap(InetAddress address, int port) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/nmap"))) return Optional.empty();
        String xml = run(300, "nmap", "-sV", "-Pn", "-n", "-p", Integer.toString(port), "-oX", "-", address.getHostAddress());
        Matcher m = NMAP_SERVICE.matcher(xml);
        if (!m.find()) return Optional.of(new NmapService("", "", ""));
        return Optional.of(new NmapService(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3) == null ? "" : m.group(3)));
    }
}
