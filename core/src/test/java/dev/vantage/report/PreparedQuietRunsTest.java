package dev.vantage.report;

import dev.vantage.assess.Assessor;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Policy;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortListing;
import dev.vantage.result.PortReport;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;
import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.PortRanges;
import dev.vantage.target.Target;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Quiet ports rendered ahead (while the scan's last connections are watched) must leave the JSON
 * byte for byte as the writer makes it without them, whatever became of the ports that were
 * still undecided, and must be used where the listing holds the same entries.
 */
class PreparedQuietRunsTest {
    private static final Target TARGET = new Target("198.18.0.1", address());
    private static final int N = 6000;   // ~200 raw chunks of quiet lines
    private static final Set<Integer> OPEN = Set.of(22, 80, 443, 3000, 3001, 5999);

    private static InetAddress address() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 198, 18, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static PortReport report(int port, PortState state, Reason reason, Protocol protocol) {
        long rtt = port % 97 == 0 ? -1 : (port * 37L) % 5000;   // varied widths, a few without a sample
        return new PortReport(port, protocol, state, reason, rtt, 1 + port % 3, null, List.of(), List.of());
    }

    /** Ports 1..N: open ones, a filtered stretch, the rest closed; then {@code udp} entries. */
    private static PortReport[] listing(PortReport... udp) {
        PortReport[] all = new PortReport[N + udp.length];
        for (int port = 1; port <= N; port++) {
            if (OPEN.contains(port)) all[port - 1] = report(port, PortState.OPEN, Reason.SYN_ACK, Protocol.TCP);
            else if (port > 4000 && port <= 4200) all[port - 1] = report(port, PortState.FILTERED, Reason.NO_RESPONSE, Protocol.TCP);
            else all[port - 1] = report(port, PortState.CLOSED, Reason.CONN_REFUSED, Protocol.TCP);
        }
        System.arraycopy(udp, 0, all, N, udp.length);
        return all;
    }

    private static HostReport host(PortReport[] all) {
        List<PortReport> answering = new ArrayList<>();
        int[] counts = new int[PortState.values().length];
        List<Integer> closed = new ArrayList<>();
        List<Integer> filtered = new ArrayList<>();
        for (PortReport p : all) {
            if (p.protocol() == Protocol.UDP || p.state().isReachable()) answering.add(p);
            if (p.protocol() != Protocol.TCP) continue;
            counts[p.state().ordinal()]++;
            if (p.state() == PortState.CLOSED) closed.add(p.port());
            if (p.state() == PortState.FILTERED) filtered.add(p.port());
        }
        return new HostReport(TARGET, PortListing.of(all, answering), StateCounts.of(counts),
                PortRanges.format(closed.stream().mapToInt(Integer::intValue).toArray()),
                PortRanges.format(filtered.stream().mapToInt(Integer::intValue).toArray()), 321);
    }

    private static String json(HostReport h, @Nullable List<@Nullable PortReport> prepared) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunInfo run = new RunInfo("vantage check --show-all 198.18.0.1", 2, "1-" + N, Instant.EPOCH, "test");
        JsonResultWriter w = new JsonResultWriter(out, run, new Assessor(KnowledgeBase.builtin(), Policy.empty()), null, a -> null);
        w.started(new ScanPlan(1, N, Protocol.TCP, "syn"));
        if (prepared != null) w.prepare(TARGET, prepared);
        w.host(h);
        w.finished(new ScanSummary(1, h.counts(), 321, N, 0));
        return out.toString(StandardCharsets.UTF_8).replaceAll("\"finished_at\" : \"[^\"]*\"", "");
    }

    /** The final listing's entries, with null for the given ports (undecided when the scan settled). */
    private static List<@Nullable PortReport> soFar(PortReport[] all, int... undecided) {
        PortReport[] copy = Arrays.copyOf(all, N);   // TCP only, by port, as the scanner holds them
        for (int port : undecided) copy[port - 1] = null;
        return Arrays.asList(copy);
    }

    @Test
    void everythingDecidedAlready() {
        PortReport[] all = listing();
        HostReport h = host(all);
        assertEquals(json(h, null), json(h, soFar(all)));
    }

    @Test
    void theUsualCaseTheLastOpenPortsWereStillWatched() {
        PortReport[] all = listing();
        HostReport h = host(all);
        assertEquals(json(h, null), json(h, soFar(all, 443, 3001, 5999)));
    }

    @Test
    void aWatchedPortThatEndedClosedJoinsTheRunsAroundIt() {
        PortReport[] all = listing();
        HostReport h = host(all);
        String plain = json(h, null);
        // 1000 and 2500 end closed: the listing's run now goes through them, with other chunk edges
        assertEquals(plain, json(h, soFar(all, 1000, 2500, 80)));
        assertEquals(plain, json(h, soFar(all, 1, 2, N)));
    }

    @Test
    void entriesThatAreNotTheSameObjectsAreRenderedAfresh() {
        PortReport[] all = listing();
        HostReport h = host(all);
        List<@Nullable PortReport> prepared = new ArrayList<>(soFar(all, 22));
        prepared.set(1999, report(2000, PortState.CLOSED, Reason.CONN_REFUSED, Protocol.TCP));   // equal, not the same
        prepared.set(3499, report(3500, PortState.FILTERED, Reason.NO_RESPONSE, Protocol.TCP));  // what it was before the retry
        assertEquals(json(h, null), json(h, prepared));
    }

    @Test
    void aPartialViewAndUdpPortsAfterTheTcpOnes() {
        PortReport[] all = listing(report(53, PortState.OPEN_FILTERED, Reason.NO_RESPONSE, Protocol.UDP),
                report(123, PortState.CLOSED, Reason.CONN_REFUSED, Protocol.UDP));
        HostReport h = host(all);
        assertEquals(json(h, null), json(h, soFar(all).subList(0, 4100)));   // ports above 4100 not decided yet
    }

    @Test
    void aRunIsOfferedOnlyWhereTheListingHoldsTheSameEntries() {
        PortReport[] all = listing();
        List<PortReport> ports = Arrays.asList(all);
        PreparedQuietRuns runs = PreparedQuietRuns.render(soFar(all, 443));
        // runs: 1-21, 23-79, 81-442, 444-2999, 3002-5998 (filtered ones are quiet too), 6000
        assertEquals(6, runs.size());
        PreparedQuietRuns.Run first = runs.startingAt(ports, 0);   // index i holds port i + 1
        assertNotNull(first);
        assertSame(all[0], first.entries().getFirst());
        assertEquals(21, first.count());
        assertNull(runs.startingAt(ports, 21), "port 22 is open: no run starts there");
        assertEquals(57, runs.startingAt(ports, 22).count());    // 23-79
        assertEquals(362, runs.startingAt(ports, 80).count());   // 81-442
        all[500] = report(501, PortState.CLOSED, Reason.CONN_REFUSED, Protocol.TCP);   // an equal but other object inside 444-2999
        assertNull(runs.startingAt(ports, 443));
        all[500] = report(501, PortState.CLOSED, Reason.CONN_REFUSED, Protocol.TCP);
        assertEquals(2997, runs.startingAt(ports, 3001).count());   // 3002-5998
        assertEquals(1, runs.startingAt(ports, N - 1).count());    // 6000
        assertNull(runs.startingAt(ports, N - 1), "each run is offered once");
    }
}
