package dev.vantage.cli;

import dev.vantage.BadInputException;
import dev.vantage.report.RunInfo;
import dev.vantage.Inspection;
import dev.vantage.check.CheckRegistry;
import dev.vantage.check.CheckSettings;
import dev.vantage.probe.IdentifyConfig;
import dev.vantage.probe.ProbeRegistry;
import dev.vantage.assess.Assessor;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.assess.Policy;
import dev.vantage.assess.PolicyParser;
import dev.vantage.assess.Risk;
import dev.vantage.report.FailOnThreshold;
import dev.vantage.report.JsonResultWriter;
import dev.vantage.report.ReportCollector;
import dev.vantage.report.render.ReportRenderer;
import dev.vantage.report.render.Renderers;
import dev.vantage.report.SourceAddresses;
import dev.vantage.report.TextResultWriter;
import dev.vantage.result.ResultListener;
import dev.vantage.result.ResultListeners;
import dev.vantage.scan.ScanConfig;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.ScanMethod;
import dev.vantage.target.HostResolver;
import dev.vantage.target.NamedPortSets;
import dev.vantage.target.PortList;
import dev.vantage.target.Target;
import dev.vantage.target.TargetParser;
import dev.vantage.udp.UdpPorts;
import dev.vantage.udp.UdpScanConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code vantage check}: which ports of the targets answer from here, and how. */
@Command(name = "check", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Check which TCP ports of the targets answer from where this runs.",
                "TARGET: an address (198.18.0.1, ::1), a CIDR block (198.18.0.0/24, 2001:db8::/120),",
                "a range (198.18.0.1-20), or a hostname."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the check ran", "1:an internal error", "2:bad input (targets, ports, options, files)",
                "3:a finding at or above --fail-on remains after the owner's overrides"})
final class CheckCommand implements Callable<Integer> {
    /** Up to this many addresses the text report is the side-by-side table; beyond, one table per host. */
    static final int SIDE_BY_SIDE_MAX_HOSTS = 32;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "What to check.")
    List<String> targets = new ArrayList<>();

    @Option(names = "-iL", paramLabel = "FILE", description = "Read targets from FILE (one or more per line, # comments).")
    Path targetFile;

    @Option(names = "--level", paramLabel = "1|2|3", defaultValue = "1",
            description = "1 quick: well-known ports; 2 standard: all TCP ports; 3 thorough. Default: ${DEFAULT-VALUE}.")
    int level;

    @Option(names = {"-p", "--ports"}, paramLabel = "PORTS",
            description = "Ports: 22,80,8000-8100, '-' or 'all' for 1-65535, 'well-known'. Default: from the level.")
    String ports;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, json, html, pdf, xml (nmap-compatible), csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    Path output;

    @Option(names = "--show-all", description = "List every scanned port, not only the ones that answer.")
    boolean showAll;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "At most N connection attempts per second (0: no cap). Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--first-address", description = "For hostnames, check only the first address they resolve to.")
    boolean firstAddress;

    @Option(names = "--exclude", paramLabel = "SPEC", split = ",", description = "Targets to leave out (same forms as TARGET).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--max-targets", paramLabel = "N", defaultValue = "65536",
            description = "Refuse to check more than N addresses. Default: ${DEFAULT-VALUE}.")
    int maxTargets;

    @Option(names = "--max-retries", paramLabel = "N", description = "Retransmissions before a silent port counts as filtered. Default: 2.")
    Integer maxRetries;

    @Option(names = "--initial-rtt-timeout", paramLabel = "MS", description = "Connect timeout before any round trip is measured. Default: 1000.")
    Long initialTimeout;

    @Option(names = "--min-rtt-timeout", paramLabel = "MS", description = "Lowest connect timeout. Default: 100.")
    Long minTimeout;

    @Option(names = "--max-rtt-timeout", paramLabel = "MS", description = "Highest connect timeout. Default: 1500.")
    Long maxTimeout;

    @Option(names = "--restricted-wait", paramLabel = "MS",
            description = "How long beyond the round trip to watch a new connection for an at-once close. Default: 100.")
    Long restrictedWait;

    @Option(names = "--scan-method", paramLabel = "auto|connect|syn", defaultValue = "auto",
            description = {"connect: full TCP connects (no privileges; IPv4 and IPv6). syn: half-open SYNs, each answered port",
                    "confirmed by a full connect (root on Linux, IPv4). auto: syn where it can run, else connect. Default: ${DEFAULT-VALUE}."})
    String scanMethod;

    @Option(names = "--max-in-flight", paramLabel = "N", description = "Sockets open at once. Default: 4096.")
    Integer maxInFlight;

    @Option(names = "--host-parallelism", paramLabel = "N", description = "Most attempts in flight to one address. Default: 1024.")
    Integer hostParallelism;

    @Option(names = "--relay-domain", paramLabel = "DOMAIN",
            description = "Your own test domain for the open-relay check (recipients are invented under it). Default: the policy's, else relay-test.vantage.invalid.")
    String relayDomain;

    @Option(names = "--policy", paramLabel = "FILE", description = "Your policy: host names, intended exposure, your own risk ratings.")
    Path policyFile;

    @Option(names = "--lang", paramLabel = "en|ja", description = "Report language. Default: the policy's, else en.")
    String lang;

    @Option(names = "--vantage", paramLabel = "NAME", description = "A name for the place this check runs from (shown in reports).")
    String vantage;

    @Option(names = "--fail-on", paramLabel = "high|medium|low",
            description = "Exit with code 3 when a finding at or above this risk remains after your policy's overrides.")
    String failOn;

    @Option(names = "--intrusive", description = "Also run intrusive checks below level 3.")
    boolean intrusive;

    @Option(names = {"-pU", "--udp-ports"}, paramLabel = "PORTS",
            description = "UDP ports to scan with protocol payloads, or 'none'. Default: none at level 1; at levels 2 and 3 the key set 53,69,123,137,161,500,1900,5353,11211.")
    String udpPorts;

    @Option(names = "--scan-only", description = "Reachability only: no service identification and no checks (what nmap -sT does).")
    boolean scanOnly;

    @Option(names = "--dry-run", description = "Print what would be checked and exit without sending anything.")
    boolean dryRun;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Where the tripwire's record is, for the policy's decoy ports (read only when the policy has decoys). */
    @picocli.CommandLine.Mixin
    TripwireCommand.StoreOptions tripwireStore = new TripwireCommand.StoreOptions();

    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        PhaseTimer.mark("command line parsed");
        if (level < 1 || level > 3) throw new BadInputException("--level must be 1, 2 or 3.");
        format = format.strip().toLowerCase(java.util.Locale.ROOT);
        ReportRenderer renderer = format.equals("json") ? null : Renderers.require(format);
        Meaning meaning = Meaning.of(policyFile, lang);
        PhaseTimer.mark("knowledge base and policy");
        KnowledgeBase kb = meaning.kb();
        Policy policy = meaning.policy();
        Lang language = meaning.lang();
        Risk threshold = failOn == null ? null : Risk.parse(failOn);
        if (threshold == Risk.INFO) throw new BadInputException("--fail-on takes high, medium or low.");
        String relay = relayDomain != null ? checkedDomain(relayDomain)
                : policy.relayDomain() != null ? policy.relayDomain() : CheckSettings.defaults().relayDomain();
        PortList portList = ports != null ? PortList.parse(ports) : level == 1 ? NamedPortSets.wellKnown() : PortList.all();
        ScanConfig config = scanConfig();
        List<String> specs = new ArrayList<>(targets);
        if (targetFile != null) specs.addAll(TargetParser.readTargetFile(targetFile));
        List<Target> resolved = new TargetParser(HostResolver.system(), !firstAddress, maxTargets).parse(specs, excludes);

        PhaseTimer.mark("targets");
        String method = dev.vantage.scan.TcpScanner.methodFor(config.method(), resolved);   // refuses an impossible --scan-method syn now
        PhaseTimer.mark("scan method (native calls linked)");
        if (dryRun) {
            out.printf(Locale.ROOT, "Would check %d %s × %d TCP ports (%s, %s), level %d, %s; nothing sent.%n",
                    resolved.size(), resolved.size() == 1 ? "address" : "addresses", portList.size(), portList, method, level,
                    config.rate() == 0 ? "no rate cap" : "at most " + config.rate() + " attempts/s");
            for (Target t : resolved) out.println("  " + t);
            out.flush();
            return Main.EXIT_OK;
        }

        RunInfo run = new RunInfo(commandLine(), level, portList.toString(), Instant.now(), Main.VERSION);
        try (DecoyRecord decoys = DecoyRecord.open(policy, tripwireStore); OutputTarget target = OutputTarget.open(output, out)) {
            OutputStream sink = target.stream();
            PrintStream text = new PrintStream(sink, false, StandardCharsets.UTF_8);
            Assessor assessor = new Assessor(kb, policy).withDecoys(decoys.activity(), run.startedAt());
            SourceAddresses sources = new SourceAddresses();
            ReportCollector collector = null;
            ResultListener writer;
            if (format.equals("json")) {
                writer = new JsonResultWriter(sink, run, assessor, vantage, sources);
            } else if (format.equals("text") && resolved.size() > SIDE_BY_SIDE_MAX_HOSTS) {
                writer = new TextResultWriter(text, run);     // too many hosts for columns: one table per host, streamed
            } else {
                collector = new ReportCollector(run, assessor, vantage, sources);
                writer = collector;
            }
            FailOnThreshold gate = threshold == null ? null : new FailOnThreshold(assessor, sources, threshold);
            ResultListener results = gate == null ? writer : ResultListeners.both(writer, gate);
            ScanListener progress = stderrIsTerminal() ? new ProgressBar(err) : new ScanListener() { };
            if (PhaseTimer.on()) progress = ScanListener.all(progress, new ScanListener() {
                @Override public void finished(dev.vantage.scan.ScanSummary s) { PhaseTimer.mark("TCP scan"); }
            });
            Inspection.Options options = new Inspection.Options(level, config, IdentifyConfig.defaults(),
                    new CheckSettings(relay, CheckSettings.defaults().budget()), intrusive || level >= 3, showAll, 256, scanOnly, udpPortList(), UdpScanConfig.defaults());
            PhaseTimer.mark("targets, output and listeners");
            // --scan-only identifies nothing and checks nothing: loading the probe and check
            // registries (a few hundred classes) would only delay the scan's start.
            new Inspection(options, scanOnly ? List.of() : ProbeRegistry.all(), scanOnly ? List.of() : CheckRegistry.all())
                    .run(resolved, portList, results, progress);
            PhaseTimer.mark("result written");
            if (collector != null) renderer.render(collector.report(), kb, language, sink);
            text.flush();
            if (gate != null && gate.tripped()) failed = gate.firstHit();
            target.commit();
            decoys.checkFinished(resolved.stream().map(Target::address).toList(), Instant.now());
        } catch (IOException e) {
            throw new BadInputException("Cannot write the result to '" + output + "' (" + e.getMessage() + ").");
        }
        if (failed != null) {
            err.println("vantage: a finding at or above " + failOn + " remains: " + failed);
            return Main.EXIT_FINDINGS;
        }
        return Main.EXIT_OK;
    }

    private String failed;

    private int[] udpPortList() {
        if (udpPorts == null) return level >= 2 ? UdpPorts.key() : new int[0];
        if (udpPorts.strip().equalsIgnoreCase("none")) return new int[0];
        return PortList.parse(udpPorts).toArray();
    }

    private static String checkedDomain(String d) {
        if (!d.matches("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}")) {
            throw new BadInputException("--relay-domain must be a domain name such as relay-test.example.org.");
        }
        return d;
    }

    private ScanConfig scanConfig() {
        ScanConfig d = ScanConfig.defaults();
        ScanConfig c = d.withRate(rate)
                .withMaxRetries(maxRetries != null ? maxRetries : d.maxRetries())
                .withParallelism(maxInFlight != null ? maxInFlight : d.maxInFlight(),
                        hostParallelism != null ? hostParallelism : d.hostParallelism())
                .withRestrictedWait(restrictedWait != null ? millis(restrictedWait, "--restricted-wait") : d.restrictedWait())
                .withMethod(ScanMethod.parse(scanMethod));
        return c.withTimeouts(
                initialTimeout != null ? millis(initialTimeout, "--initial-rtt-timeout") : d.initialTimeout(),
                minTimeout != null ? millis(minTimeout, "--min-rtt-timeout") : d.minTimeout(),
                maxTimeout != null ? millis(maxTimeout, "--max-rtt-timeout") : d.maxTimeout());
    }

    private static Duration millis(long value, String option) {
        if (value < 0 || value > 600_000) throw new BadInputException(option + " must be between 0 and 600000 milliseconds.");
        return Duration.ofMillis(value);
    }




    private static boolean stderrIsTerminal() {
        String hint = System.getProperty("vantage.stderr.tty");
        if (hint != null) return Boolean.parseBoolean(hint);
        try {   // Linux: is fd 2 a terminal device?
            String link = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return link.startsWith("/dev/pts/") || link.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private String commandLine() {
        List<String> words = new ArrayList<>();
        words.add("vantage");
        words.add("check");
        List<String> original = spec.root().commandLine().getParseResult().originalArgs();
        words.addAll(original.subList(Math.min(1, original.size()), original.size()));
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!b.isEmpty()) b.append(' ');
            b.append(w.matches("[A-Za-z0-9_./:,=@%+-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;
}
