package dev.vantage;

import dev.vantage.check.Check;
import dev.vantage.check.CheckRunner;
import dev.vantage.check.CheckSettings;
import dev.vantage.internal.Trace;
import dev.vantage.probe.IdentifyConfig;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceIdentifier;
import dev.vantage.probe.ServiceProbe;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortListing;
import dev.vantage.result.PortReport;
import dev.vantage.result.ResultListener;
import dev.vantage.scan.HostResult;
import dev.vantage.scan.PortResult;
import dev.vantage.scan.PortState;
import dev.vantage.scan.ScanConfig;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.TcpScanner;
import dev.vantage.target.PortList;
import dev.vantage.target.Target;
import dev.vantage.udp.UdpPortResult;
import dev.vantage.udp.UdpPorts;
import dev.vantage.udp.UdpScanConfig;
import dev.vantage.udp.UdpScanner;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;

/**
 * A whole check run, the pipeline of the design: scan → identify → check → results. Hosts flow
 * through one at a time: as soon as the scanner has decided every port of a host, its open ports
 * are identified and checked on virtual threads while the scan goes on with other hosts; the
 * finished host is handed to the {@link ResultListener} in target order.
 *
 * <p>The UDP scan of every host starts with the TCP scan, not after it: its silent ports cost a
 * fixed retry schedule (about 6 s) that nothing on the TCP side can shorten, so it runs alongside.
 */
public final class Inspection {
    /** Ports whose service level 1 identifies, to run the open-relay check. */
    private static final Set<Integer> LEVEL1_MAIL_PORTS = Set.of(25, 465, 587);

    /**
     * @param level        1 quick (reachability + open relay), 2 standard, 3 thorough
     * @param listAllPorts report every scanned port, not only the reachable ones
     * @param parallelPorts how many ports are identified and checked at once
     * @param scanOnly     reachability only: no identification, no checks (what a port scanner does)
     * @param udpPorts     UDP ports to scan with protocol payloads (empty: none)
     */
    public record Options(int level, ScanConfig scan, IdentifyConfig identify, CheckSettings checks, boolean intrusive,
                          boolean listAllPorts, int parallelPorts, boolean scanOnly, int[] udpPorts, UdpScanConfig udp) {
        public Options {
            if (level < 1 || level > 3) throw new BadInputException("--level must be 1, 2 or 3.");
            if (parallelPorts < 1) throw new IllegalArgumentException("parallelPorts must be positive");
        }

        /** A full check (identification and checks included). */
        public Options(int level, ScanConfig scan, IdentifyConfig identify, CheckSettings checks, boolean intrusive,
                       boolean listAllPorts, int parallelPorts) {
            this(level, scan, identify, checks, intrusive, listAllPorts, parallelPorts, false,
                    level >= 2 ? UdpPorts.key() : new int[0], UdpScanConfig.defaults());
        }

        public static Options defaults(int level) {
            return new Options(level, ScanConfig.defaults(), IdentifyConfig.defaults(), CheckSettings.defaults(),
                    level >= 3, false, 256);
        }
    }

    private final Options options;
    private final @Nullable UdpScanner udp;   // only when UDP ports are asked for (its probes load a few dozen classes)
    private final ServiceIdentifier identifier;
    private final CheckRunner checks;

    public Inspection(Options options, List<ServiceProbe> probes, List<Check> checkList) {
        this.options = options;
        this.udp = options.udpPorts().length == 0 ? null : new UdpScanner(options.udp());
        this.identifier = new ServiceIdentifier(probes, options.identify());
        this.checks = new CheckRunner(checkList, options.checks(), options.level(), options.intrusive());
    }

    /** Runs to completion; results and progress stream to the listeners as they come. */
    public ScanSummary run(List<Target> targets, PortList ports, ResultListener results, ScanListener progress) {
        Run run = new Run(targets, results);
        ScanSummary summary = new TcpScanner(options.scan()).scan(targets, ports, ScanListener.all(run, progress));
        run.awaitHosts();
        results.finished(summary);
        return summary;
    }

    private boolean shouldExamine(PortResult p) {
        if (p.state() != PortState.OPEN || options.scanOnly()) return false;
        return options.level() >= 2 || LEVEL1_MAIL_PORTS.contains(p.port());
    }

    /** The state of one run: ports kept per host (when listing all), work in flight, the emit order. */
    private final class Run implements ScanListener {
        private final ResultListener results;
        private final Map<InetAddress, Integer> position = new HashMap<>();
        private final Map<InetAddress, DecidedPorts> allPorts = new HashMap<>();
        private final Map<Integer, HostReport> ready = new HashMap<>();
        private final Phaser inFlight = new Phaser(1);
        private final Semaphore slots = new Semaphore(options.parallelPorts());
        private final List<Target> targets;
        private final Map<InetAddress, FutureTask<List<UdpPortResult>>> udpScans = new ConcurrentHashMap<>();
        /** Hosts whose output is being prepared during their scan's quiet tail (see hostSettling). */
        private final Map<InetAddress, Thread> preparing = new ConcurrentHashMap<>();
        private int nextToEmit;
        private int portsPerHost;

        Run(List<Target> targets, ResultListener results) {
            this.results = results;
            this.targets = targets;
            for (int i = 0; i < targets.size(); i++) position.put(targets.get(i).address(), i);
        }

        @Override
        public void started(ScanPlan plan) {
            portsPerHost = plan.portsPerHost();
            results.started(plan);
            if (options.udpPorts().length == 0) return;
            for (Target t : targets) udpScanOf(t);
        }

        /** The host's UDP scan, started on a virtual thread the first time it is asked for. */
        private FutureTask<List<UdpPortResult>> udpScanOf(Target target) {
            UdpScanner scanner = java.util.Objects.requireNonNull(udp, "UDP scan without UDP ports");
            return udpScans.computeIfAbsent(target.address(), a -> {
                FutureTask<List<UdpPortResult>> task = new FutureTask<>(() -> {
                    long t = Trace.start();
                    List<UdpPortResult> r = scanner.scan(List.of(target), options.udpPorts()).getOrDefault(target, List.of());
                    Trace.done(t, "udp-scan " + target.addressText() + " " + options.udpPorts().length + " ports");
                    return r;
                });
                Thread.ofVirtual().name("vantage-udp-" + target.addressText()).start(task);
                return task;
            });
        }

        @Override
        public void portDone(PortResult r) {
            if (options.listAllPorts()) allPorts.computeIfAbsent(r.target().address(), a -> new DecidedPorts(portsPerHost)).add(r);
        }

        /**
         * Only watched ports remain (a tenth of a second or so, with little else to do): for a full
         * listing, the results may prepare the output of the ports decided so far meanwhile.
         * Called under the scanner's lock, so the snapshot is consistent; the work is not.
         */
        @Override
        public void hostSettling(Target target) {
            if (!options.listAllPorts()) return;
            DecidedPorts listed = allPorts.get(target.address());
            PortReport[] soFar = listed == null ? null : listed.decidedSoFar();
            if (soFar == null) return;
            preparing.put(target.address(), Thread.ofVirtual().name("vantage-prepare-" + target.addressText()).start(() -> {
                try {
                    results.prepare(target, Arrays.asList(soFar));
                } catch (RuntimeException e) {
                    Trace.done(Trace.start(), "prepare " + target.addressText() + " failed: " + e);   // the host is written in full anyway
                }
            }));
        }

        /** Called under the scanner's lock: hand the host's work to virtual threads and return at once. */
        @Override
        public void hostDone(HostResult h) {
            PortReport[] reports;
            if (options.listAllPorts()) {
                DecidedPorts listed = allPorts.remove(h.target().address());
                reports = listed == null ? new PortReport[0] : listed.inPortOrder();
            } else {
                reports = new PortReport[h.reachable().size()];
                for (int i = 0; i < reports.length; i++) reports[i] = PortReport.of(h.reachable().get(i));   // by port already
            }
            Trace.done(Trace.start(), "scan-done " + h.target().addressText());
            inFlight.register();
            Thread.ofVirtual().name("vantage-host-" + h.target().addressText()).start(() -> {
                try {
                    examine(h, reports);
                } finally {
                    inFlight.arriveAndDeregister();
                }
            });
        }

        /**
         * Examines the open ports (the rest of {@code done}, sorted by port, stays as it is) and
         * emits the host. Only the reachable ports are visited: a full listing is 65 535 entries
         * that nothing here needs to look at.
         */
        private void examine(HostResult h, PortReport[] done) {
            List<Thread> workers = new ArrayList<>();
            int[] reachableAt = new int[h.reachable().size()];
            for (int k = 0; k < reachableAt.length; k++) {
                PortResult r = h.reachable().get(k);
                int index = indexOf(done, r.port());
                reachableAt[k] = index;
                if (index < 0 || !shouldExamine(r)) continue;
                PortReport p = done[index];
                workers.add(Thread.ofVirtual().start(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        done[index] = examinePort(h.target(), p);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<PortReport> udpReports = scanUdp(h.target());
            for (Thread t : workers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            PortReport[] all = done;
            if (!udpReports.isEmpty()) {
                all = Arrays.copyOf(done, done.length + udpReports.size());
                for (int i = 0; i < udpReports.size(); i++) all[done.length + i] = udpReports.get(i);
            }
            Thread prepared = preparing.remove(h.target().address());
            if (prepared != null) {
                try {
                    prepared.join();   // its output is used by the writer only once complete
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            List<PortReport> listing;
            if (options.listAllPorts()) {
                // The entries that are not quiet TCP ports: the reachable ones and every UDP port.
                List<PortReport> answering = new ArrayList<>(reachableAt.length + udpReports.size());
                for (int index : reachableAt) if (index >= 0) answering.add(done[index]);
                answering.addAll(udpReports);
                listing = PortListing.of(all, answering);
            } else {
                listing = Arrays.asList(all);   // a few ports: the report copies them
            }
            emit(new HostReport(h.target(), listing, h.counts(), h.closed(), h.filtered(), h.elapsedMillis()));
        }

        /** Where {@code port} is in {@code sorted} (TCP ports by number), or -1. */
        private static int indexOf(PortReport[] sorted, int port) {
            int lo = 0;
            int hi = sorted.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int at = sorted[mid].port();
                if (at < port) lo = mid + 1;
                else if (at > port) hi = mid - 1;
                else return mid;
            }
            return -1;
        }

        /**
         * UDP: the protocol payloads identify what answers; checks run on what did. Open ports are
         * always reported, open|filtered and closed ones only when every port is listed (a firewall
         * makes every silent UDP port open|filtered, which says little).
         */
        private List<PortReport> scanUdp(Target target) {
            if (options.udpPorts().length == 0) return List.of();
            List<PortReport> out = new ArrayList<>();
            List<UdpPortResult> results;
            try {
                results = udpScanOf(target).get();
            } catch (ExecutionException e) {
                return List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
            for (UdpPortResult u : results) {
                PortResult r = u.result();
                if (r.state() != PortState.OPEN && !options.listAllPorts()) continue;
                PortReport p = PortReport.of(r);
                if (u.service() != null && !options.scanOnly()) {
                    CheckRunner.Outcome outcome = checks.run(target, r.port(), u.service());
                    p = p.with(u.service(), outcome.findings(), outcome.notes());
                } else if (u.service() != null) {
                    p = p.with(u.service(), List.of(), List.of());
                }
                out.add(p);
            }
            return out;
        }

        private PortReport examinePort(Target target, PortReport p) {
            // Level 1 only names servers that greet (to find the mail servers for the relay check).
            long t = Trace.start();
            Service service = identifier.identify(new InetSocketAddress(target.address(), p.port()), options.level() == 1);
            Trace.done(t, "identified " + target.addressText() + ":" + p.port() + " -> " + service.describe());
            CheckRunner.Outcome outcome = checks.run(target, p.port(), service);
            return p.with(service, outcome.findings(), outcome.notes());
        }

        private synchronized void emit(HostReport report) {
            Integer at = position.get(report.target().address());
            if (at == null) {
                results.host(report);
                return;
            }
            ready.put(at, report);
            HostReport next;
            while ((next = ready.remove(nextToEmit)) != null) {
                results.host(next);
                nextToEmit++;
            }
        }

        void awaitHosts() {
            inFlight.arriveAndAwaitAdvance();
        }
    }
}
