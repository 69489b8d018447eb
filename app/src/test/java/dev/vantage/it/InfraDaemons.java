package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.check.CheckSettings;
import dev.vantage.check.Finding;
import dev.vantage.check.builtin.InfraChecks;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The infra ITs' daemons (BIND, OpenSSH, nginx, Apache) and helpers: each daemon runs in the
 * foreground on 127.0.0.1 with a private configuration in a temp dir, is awaited (bounded), and is
 * stopped by its own Process handle. Identification and checks run in-process; nmap -sV is asked
 * for the comparison of product and version.
 */
final class InfraDaemons implements AutoCloseable {
    private final List<Running> running = new ArrayList<>();
    final Path dir;

    /** One started daemon. */
    record Running(String name, Process process, Path log) {}

    InfraDaemons(String prefix) throws IOException {
        dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));   // daemons drop privileges
    }

    /** Whether this machine can run the test: root, and the programs installed. */
    static boolean usable(String... programs) {
        if (!"root".equals(System.getProperty("user.name"))) return false;
        for (String p : programs) {
            if (!Files.isExecutable(Path.of(p))) return false;
        }
        return true;
    }

    /**
     * Starts a daemon in the foreground and waits until it accepts connections on 127.0.0.1:port.
     * It runs in a session of its own ({@code setsid}, which execs in place, so the Process handle
     * is the daemon): Apache signals its whole process group when it stops, which would otherwise
     * take the test JVM and Maven with it.
     */
    Running start(String name, int port, String... command) throws Exception {
        Path log = dir.resolve(name + ".log");
        List<String> inSession = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) inSession.add("/usr/bin/setsid");
        inSession.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(inSession).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Running r = new Running(name, pb.start(), log);
        running.add(r);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (!r.process().isAlive()) throw new IllegalStateException(name + " exited with " + r.process().exitValue() + ":\n" + tail(log));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(loopback(), port), 300);
                return r;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(name + " did not listen on port " + port + ":\n" + tail(log));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Override
    public void close() throws Exception {
        for (Running r : running) {
            r.process().destroy();
            if (!r.process().waitFor(10, TimeUnit.SECONDS)) {
                r.process().destroyForcibly();
                r.process().waitFor(5, TimeUnit.SECONDS);
            }
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, loopback())) {
            return s.getLocalPort();
        }
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

    /** What identification makes of 127.0.0.1:port with every registered probe. */
    static Service identify(int port) {
        return new ServiceIdentifier(ProbeRegistry.builtins(), IdentifyConfig.defaults()).identify(new InetSocketAddress(loopback(), port));
    }

    /** Runs the infra checks (level 2, as a standard run does) with the target named {@code targetName}. */
    static CheckRunner.Outcome check(String targetName, int port, Service service) {
        CheckRunner runner = new CheckRunner(InfraChecks.all(), CheckSettings.defaults(), 2, false);
        return runner.run(new Target(targetName, loopback()), port, service);
    }

    static List<String> ids(CheckRunner.Outcome outcome) {
        return outcome.findings().stream().map(Finding::id).sorted().distinct().toList();
    }

    /** nmap -sV's product and version for a loopback port (empty strings when it names none). */
    record NmapService(String name, String product, String version, boolean tls) {}

    static Optional<NmapService> nmap(int port) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/nmap"))) return Optional.empty();
        String xml = run(180, "/usr/bin/nmap", "-sV", "-Pn", "-n", "-p", String.valueOf(port), "-oX", "-", "127.0.0.1");
        Matcher m = Pattern.compile("<service ([^>]*)").matcher(xml);
        if (!m.find()) return Optional.empty();
        String attrs = m.group(1);
        return Optional.of(new NmapService(attr(attrs, "name"), attr(attrs, "product"), attr(attrs, "version"),
                "ssl".equals(attr(attrs, "tunnel"))));
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1).replace("&amp;", "&").replace("&quot;", "\"") : "";
    }

    /** A self-signed certificate made by openssl: {cert, key}. */
    Path[] selfSigned(String name, String subject, String keySpec, String... extra) throws Exception {
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        List<String> cmd = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", keySpec, "-nodes", "-days", "30",
                "-subj", subject, "-keyout", key.toString(), "-out", cert.toString()));
        cmd.addAll(List.of(extra));
        run(120, cmd.toArray(String[]::new));
        return new Path[] {cert, key};
    }
}
