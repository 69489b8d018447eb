package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.check.CheckSettings;
import dev.vantage.check.Finding;
import dev.vantage.check.builtin.DataChecks;
import dev.vantage.probe.IdentifyConfig;
import dev.vantage.probe.ProbeRegistry;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceIdentifier;
import dev.vantage.target.Target;
import dev.vantage.udp.UdpPortResult;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeInfo;
import dev.vantage.udp.UdpScanConfig;
import dev.vantage.udp.UdpScanner;

import java.io.IOException;
import java.net.DatagramSocket;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data group's ITs' daemons and helpers: each daemon runs in the foreground on 127.0.0.1 on a
 * free port with a private configuration and data in a temp dir, is awaited (bounded), and is
 * stopped by its own Process handle. Identification, UDP scanning and checks run in-process.
 *
 * <p>nmap is asked for comparison on the same free port. Its rarer version probes are sent only
 * to their services' usual ports, so {@link #nmap} hands it a copy of its probe database in which
 * every {@code ports} line naming the usual port also names the test port — nmap then treats the
 * test port exactly as it would treat 6379 or 161.
 */
final class DataDaemons implements AutoCloseable {
    private final List<Running> running = new ArrayList<>();
    final Path dir;

    /** One started daemon. */
    record Running(String name, Process process, Path log) {}

    DataDaemons(String prefix) throws IOException {
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

    /** Starts a daemon in the foreground (output to a log) and waits until {@code ready} holds. */
    Running start(String name, BooleanSupplier ready, Map<String, String> env, String... command) throws Exception {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Running r = new Running(name, pb.start(), log);
        running.add(r);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            if (!r.process().isAlive()) throw new IllegalStateException(name + " exited with " + r.process().exitValue() + ":\n" + tail(log));
            if (ready.getAsBoolean()) return r;
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not come up within 60 s:\n" + tail(log));
    }

    /** Starts a daemon and waits until it accepts TCP connections on 127.0.0.1:port. */
    Running startTcp(String name, int port, String... command) throws Exception {
        return start(name, () -> accepts(port), Map.of(), command);
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LO, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops one daemon now (SIGTERM, then SIGKILL after 10 s). */
    static void stop(Running r) throws InterruptedException {
        r.process().destroy();
        if (!r.process().waitFor(10, TimeUnit.SECONDS)) {
            r.process().destroyForcibly();
            r.process().waitFor(5, TimeUnit.SECONDS);
        }
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
        for (Running r : running) stop(r);
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    static final InetAddress LO = InetAddress.getLoopbackAddress();

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            return s.getLocalPort();
        }
    }

    /** A port free for both TCP and UDP on loopback. */
    static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = freeTcpPort();
            try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(LO, p))) {
                return p;
            } catch (IOException e) {
                // taken for UDP: try another
            }
        }
        throw new IOException("no port free for both TCP and UDP");
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
        return new ServiceIdentifier(ProbeRegistry.builtins(), IdentifyConfig.defaults()).identify(new InetSocketAddress(LO, port));
    }

    /** Runs the data checks at level 2, as a standard run does. */
    static List<String> findings(int port, Service service) {
        CheckRunner.Outcome o = outcome(port, service);
        return o.findings().stream().map(Finding::id).sorted().distinct().toList();
    }

    static CheckRunner.Outcome outcome(int port, Service service) {
        CheckRunner runner = new CheckRunner(DataChecks.all(), CheckSettings.defaults(), 2, false);
        return runner.run(new Target("127.0.0.1", LO), port, service);
    }

    /** A UDP scan of one loopback port, with {@code probe}'s requests moved to that port. */
    static UdpPortResult udpScan(int port, UdpProbe probe) {
        UdpScanner scanner = new UdpScanner(UdpScanConfig.defaults().withTimeouts(Duration.ofMillis(700), Duration.ofMillis(1500)),
                List.of(onPort(probe, port)));
        Target t = new Target("127.0.0.1", LO);
        return scanner.scan(List.of(t), new int[] {port}).get(t).get(0);
    }

    /** The same probe, sent to another port (a test daemon on a free port). */
    static UdpProbe onPort(UdpProbe probe, int port) {
        return new UdpProbe() {
            @Override
            public UdpProbeInfo info() {
                return new UdpProbeInfo(probe.info().id(), probe.info().service(), Set.of(port));
            }

            @Override
            public List<byte[]> requests() {
                return probe.requests();
            }

            @Override
            public boolean answersFromAnotherPort() {
                return probe.answersFromAnotherPort();
            }

            @Override
            public Optional<Service> parse(byte[] reply) {
                return probe.parse(reply);
            }

            @Override
            public Optional<Service> identify(List<byte[]> replies) {
                return probe.identify(replies);
            }
        };
    }

    // ------------------------------------------------------------------------------------ nmap

    /** nmap -sV's verdict on one port (empty strings where it names nothing). */
    record NmapService(String state, String name, String product, String version) {
        /** The version as Service carries it: null when nmap names none. */
        String versionOrNull() {
            return version.isEmpty() ? null : version;
        }

        String productOrNull() {
            return product.isEmpty() ? null : product;
        }
    }

    static boolean nmapInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/nmap")) && Files.isReadable(Path.of("/usr/share/nmap/nmap-service-probes"));
    }

    /**
     * nmap -sV (-sU for UDP) against 127.0.0.1:testPort, treating testPort like usualPort. With
     * {@code namespace}, nmap runs inside that network namespace (its own loopback).
     */
    Optional<NmapService> nmap(boolean udp, int testPort, int usualPort, String namespace) throws Exception {
        return nmap(udp, true, testPort, usualPort, namespace);
    }

    /** As above; without {@code versions} only the port state (nmap -sU -sV probes a silent port for minutes). */
    Optional<NmapService> nmap(boolean udp, boolean versions, int testPort, int usualPort, String namespace) throws Exception {
        if (!nmapInstalled()) return Optional.empty();
        Path db = dir.resolve("nmap-service-probes-" + testPort);
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/usr/share/nmap/nmap-service-probes"), StandardCharsets.ISO_8859_1)) {
            if ((line.startsWith("ports ") || line.startsWith("sslports ")) && testPort != usualPort
                    && names(line.substring(line.indexOf(' ') + 1), usualPort)) {
                line = line + "," + testPort;
            }
            out.add(line);
        }
        Files.write(db, out, StandardCharsets.ISO_8859_1);
        List<String> cmd = new ArrayList<>();
        if (namespace != null) cmd.addAll(List.of("ip", "netns", "exec", namespace));
        cmd.addAll(List.of("/usr/bin/nmap", "--versiondb", db.toString(), udp ? "-sU" : "-sT", "-Pn", "-n",
                "-p", String.valueOf(testPort), "-oX", "-", "127.0.0.1"));
        if (versions) cmd.add(cmd.indexOf("-Pn"), "-sV");
        String xml = run(300, cmd.toArray(String[]::new));
        Matcher state = Pattern.compile("<state state=\"([^\"]*)\"").matcher(xml);
        Matcher service = Pattern.compile("<service ([^>]*)").matcher(xml);
        String attrs = service.find() ? service.group(1) : "";
        return Optional.of(new NmapService(state.find() ? state.group(1) : "", attr(attrs, "name"), attr(attrs, "product"),
                attr(attrs, "version")));
    }

    private static boolean names(String list, int port) {
        for (String item : list.split(",")) {
            String s = item.strip();
            int dash = s.indexOf('-');
            try {
                if (dash < 0 ? Integer.parseInt(s) == port
                        : Integer.parseInt(s.substring(0, dash)) <= port && port <= Integer.parseInt(s.substring(dash + 1))) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // not a port item
            }
        }
        return false;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">") : "";
    }
}
