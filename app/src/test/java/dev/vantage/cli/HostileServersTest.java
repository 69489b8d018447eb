package dev.vantage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.CheckRegistry;
import dev.vantage.check.CheckSettings;
import dev.vantage.hostile.BinaryJunkServer;
import dev.vantage.hostile.DnsHostileServer;
import dev.vantage.hostile.EndlessBannerServer;
import dev.vantage.hostile.HostileServer;
import dev.vantage.hostile.HttpEndlessChunkedServer;
import dev.vantage.hostile.HttpEndlessHeadersServer;
import dev.vantage.hostile.HugeLineServer;
import dev.vantage.hostile.NeverAcceptsServer;
import dev.vantage.hostile.OneBytePerSecondServer;
import dev.vantage.hostile.ResetAfterAcceptServer;
import dev.vantage.hostile.SilentServer;
import dev.vantage.hostile.SmtpYesManServer;
import dev.vantage.hostile.SshStalledKexServer;
import dev.vantage.hostile.TlsGarbageServer;
import dev.vantage.hostile.TlsStalledHandshakeServer;
import dev.vantage.probe.IdentifyConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-server suite: one loopback server per misbehaviour, each checked at level 2 through
 * the command line exactly as a user would run it. Every run must end within the documented
 * per-port budget, exit 0 with nothing on stderr and no exception anywhere, keep the heap bounded,
 * and report only what the evidence supports (unknown rather than a guessed product; an SMTP
 * server that accepts everyone is "relay uncertain", not an open relay).
 *
 * <p>The runs are independent, so they go concurrently in {@link #runEverySuite()} (the suite takes
 * about as long as its slowest behaviour); each behaviour's assertions are a test of its own.
 */
class HostileServersTest {
    /** Scan, JVM-internal scheduling and the result writer, beyond the per-port budget. */
    private static final Duration SLACK = Duration.ofSeconds(6);
    /** Bound on the heap in use while the whole suite runs (many times what a run should need). */
    private static final long HEAP_LIMIT = 512L << 20;
    private static final InetAddress DNS_LOOP = address("127.0.53.1");
    private static final InetAddress DNS_BIG = address("127.0.53.2");

    record Behaviour(String name, HostileServer server, List<String> extraArgs, Consumer<Verdict> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What one run produced: exit, output, time and the reported TCP (and UDP) port. */
    record Verdict(CliRun run, long millis, JsonNode tcp, JsonNode udp) {
        String service() {
            return tcp.path("service").path("name").asText("none");
        }

        boolean hasProduct() {
            return !tcp.path("service").path("product").isMissingNode() && !tcp.path("service").path("product").isNull();
        }

        List<String> findings(JsonNode port) {
            List<String> ids = new ArrayList<>();
            port.path("findings").forEach(f -> ids.add(f.path("id").asText()));
            return ids;
        }
    }

    private static final Map<String, Behaviour> BEHAVIOURS = new LinkedHashMap<>();
    private static final Map<String, Verdict> VERDICTS = new ConcurrentHashMap<>();
    private static final List<Throwable> ESCAPED = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicLong MAX_HEAP = new AtomicLong();
    private static SmtpYesManServer smtp;
    private static long suiteMillis;

    @BeforeAll
    static void runEverySuite() throws Exception {
        smtp = new SmtpYesManServer();
        add("endless banner", new EndlessBannerServer(), HostileServersTest::unknownWithoutFindings);
        add("one byte per second", new OneBytePerSecondServer(), v -> {
            assertEquals("unknown", v.service(), "one byte of a greeting is no evidence");
            assertFalse(v.hasProduct());
        });
        add("10 MB line without newline", new HugeLineServer(), HostileServersTest::unknownWithoutFindings);
        add("binary junk", new BinaryJunkServer(), HostileServersTest::unknownWithoutFindings);
        add("RST right after accept", new ResetAfterAcceptServer(), v -> {
            assertTrue(Set.of("open-restricted", "open").contains(v.tcp().path("state").asText()), v.tcp().toString());
            assertFalse(v.hasProduct());
            assertEquals(List.of(), v.findings(v.tcp()));
        });
        add("accept, then silence", new SilentServer(), HostileServersTest::unknownWithoutFindings);
        add("backlog that never accepts", new NeverAcceptsServer(), HostileServersTest::unknownWithoutFindings);
        add("TLS garbage", new TlsGarbageServer(), HostileServersTest::noProductNoFindings);
        add("TLS handshake that stalls", new TlsStalledHandshakeServer(), HostileServersTest::noProductNoFindings);
        add("SMTP that answers 250 to everything", smtp, v -> {
            assertEquals("smtp", v.service());
            List<String> findings = v.findings(v.tcp());
            assertTrue(findings.contains("smtp-relay-uncertain"), findings.toString());
            assertFalse(findings.contains("smtp-open-relay"), "accepting everyone proves no relay: " + findings);
            assertFalse(smtp.verbs().contains("DATA"), "the relay check must never send DATA");
        });
        add("SSH that stalls the key exchange", new SshStalledKexServer(), v -> {
            assertEquals("ssh", v.service());
            assertEquals("OpenSSH", v.tcp().path("service").path("product").asText());
            assertTrue(v.findings(v.tcp()).stream().noneMatch(f -> f.contains("algorithm") || f.contains("kex")
                    || f.contains("cipher") || f.contains("mac")), "no KEXINIT, no algorithm verdict: " + v.findings(v.tcp()));
        });
        add("HTTP with endless headers", new HttpEndlessHeadersServer(), HostileServersTest::noProductNoFindings);
        add("HTTP with an endless chunked body", new HttpEndlessChunkedServer(), HostileServersTest::noProductNoFindings);
        addDns("DNS compression loops (TCP and UDP)", DNS_LOOP, DnsHostileServer.Mode.COMPRESSION_LOOP);
        addDns("DNS oversized records (TCP and UDP)", DNS_BIG, DnsHostileServer.Mode.OVERSIZED);

        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> ESCAPED.add(e));
        Thread sampler = Thread.ofPlatform().daemon().start(HostileServersTest::sampleHeap);
        long start = System.nanoTime();
        try {
            List<Thread> runs = new ArrayList<>();
            for (Behaviour b : BEHAVIOURS.values()) runs.add(Thread.ofPlatform().start(() -> VERDICTS.put(b.name(), check(b))));
            for (Thread t : runs) t.join(Duration.ofMinutes(5));
        } finally {
            suiteMillis = (System.nanoTime() - start) / 1_000_000;
            sampler.interrupt();
            sampler.join();
            Thread.setDefaultUncaughtExceptionHandler(previous);
            for (Behaviour b : BEHAVIOURS.values()) b.server().close();
        }
        writeFigures();
    }

    @AfterAll
    static void closeServers() {
        for (Behaviour b : BEHAVIOURS.values()) b.server().close();
    }

    static Stream<Behaviour> behaviours() {
        return BEHAVIOURS.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviours")
    void endsWithinBudgetWithoutErrorsAndWithAnHonestVerdict(Behaviour b) {
        Verdict v = VERDICTS.get(b.name());
        assertNotNull(v, b.name() + ": the check did not finish");
        assertEquals(0, v.run().exitCode(), v.run().err());
        assertEquals("", v.run().err(), "nothing on stderr");
        Duration budget = budget(v).plus(SLACK);
        assertTrue(v.millis() <= budget.toMillis(), b.name() + " took " + v.millis() + " ms, budget " + budget.toMillis() + " ms");
        for (JsonNode port : List.of(v.tcp(), v.udp())) {
            port.path("notes").forEach(n -> assertFalse(n.asText().contains("unexpected reply"), "a check threw: " + n));
        }
        b.expect().accept(v);
    }

    @Test
    void noExceptionEscapesAnyThread() {
        assertEquals(List.of(), List.copyOf(ESCAPED));
    }

    @Test
    void heapStaysBounded() {
        assertTrue(MAX_HEAP.get() < HEAP_LIMIT, "heap in use peaked at " + (MAX_HEAP.get() >> 20) + " MB");
    }

    /** The documented per-port budget: identification, then every check that applies, one after another. */
    static Duration budget(Verdict v) {
        String service = v.service();
        long checks = CheckRegistry.all().stream().map(c -> c.info())
                .filter(i -> applies(i, service)).count();
        Duration tcp = IdentifyConfig.defaults().portBudget().plus(CheckSettings.defaults().budget().multipliedBy(checks));
        return tcp;
    }

    private static boolean applies(CheckInfo info, String service) {
        return info.services().contains(service) && info.level() <= 2 && !info.intrusive();
    }

    private static void unknownWithoutFindings(Verdict v) {
        assertEquals("unknown", v.service(), v.tcp().toString());
        noProductNoFindings(v);
    }

    private static void noProductNoFindings(Verdict v) {
        assertFalse(v.hasProduct(), "no product without evidence: " + v.tcp());
        assertEquals(List.of(), v.findings(v.tcp()), v.tcp().toString());
    }

    private static void dnsWithoutClaims(Verdict v) {
        assertTrue(Set.of("dns", "unknown").contains(v.service()), v.tcp().toString());
        assertFalse(v.hasProduct(), v.tcp().toString());
        for (JsonNode port : List.of(v.tcp(), v.udp())) {
            assertTrue(v.findings(port).stream().noneMatch(f -> f.contains("resolver") || f.contains("zone-transfer")
                    || f.contains("version")), "an unreadable answer proves nothing: " + port);
        }
    }

    /**
     * The DNS servers must listen on port 53 (the UDP payloads go by port), which needs root or a
     * lowered net.ipv4.ip_unprivileged_port_start; without either these two behaviours are left out, said so on stdout.
     */
    private static void addDns(String name, InetAddress address, DnsHostileServer.Mode mode) throws IOException {
        DnsHostileServer server;
        try {
            server = new DnsHostileServer(address, mode);
        } catch (java.net.BindException e) {
            System.out.println("left out (port 53 cannot be bound here: " + e.getMessage() + "): " + name);
            return;
        }
        add(name, server, List.of("-pU", "53"), HostileServersTest::dnsWithoutClaims);
    }

    private static void add(String name, HostileServer server, Consumer<Verdict> expect) {
        add(name, server, List.of(), expect);
    }

    private static void add(String name, HostileServer server, List<String> extra, Consumer<Verdict> expect) {
        BEHAVIOURS.put(name, new Behaviour(name, server.start(), extra, expect));
    }

    private static Verdict check(Behaviour b) {
        List<String> args = new ArrayList<>(List.of("check", "--level", "2", "--format", "json", "-p",
                String.valueOf(b.server().port())));
        args.addAll(b.extraArgs().isEmpty() ? List.of("-pU", "none") : b.extraArgs());
        args.add(b.server().address().getHostAddress());
        long start = System.nanoTime();
        CliRun run = CliRun.of(args.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode tcp = mapper().missingNode();
        JsonNode udp = mapper().missingNode();
        try {
            for (JsonNode p : mapper().readTree(run.out()).path("hosts").path(0).path("ports")) {
                if (p.path("protocol").asText().equals("udp")) udp = p;
                else tcp = p;
            }
        } catch (Exception e) {
            // an unreadable result fails the behaviour's test through the empty port
        }
        return new Verdict(run, millis, tcp, udp);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper();
    }

    private static void sampleHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (!Thread.currentThread().isInterrupted()) {
            MAX_HEAP.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The figures the README quotes, written where the build keeps its output: max_heap_mb is the
     * most heap in use (live and not yet collected) seen by a 20 ms sampler over the whole suite,
     * heap_limit_mb the JVM's -Xmx (reproduce with {@code -DargLine=-Xmx256m}).
     */
    private static void writeFigures() throws Exception {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "behaviours %d%nsuite_ms %d%nmax_heap_mb %d%nheap_limit_mb %d%n", BEHAVIOURS.size(),
                suiteMillis, MAX_HEAP.get() >> 20, Runtime.getRuntime().maxMemory() >> 20));
        for (Behaviour b : BEHAVIOURS.values()) {
            Verdict v = VERDICTS.get(b.name());
            if (v == null) continue;
            s.append(String.format(Locale.ROOT, "%-40s %6d ms (budget %d ms) %s%n", b.name(), v.millis(), budget(v).toMillis(),
                    v.tcp().path("service")));
        }
        Path out = Path.of("target", "hostile-figures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, s, StandardCharsets.UTF_8);
        System.out.print(s);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
