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
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vantage check}: which ports of the targets answer from here, and how.
 *
 * <p>The options are picocli model objects built in {@link #spec} and read back in
 * {@link #takeValues} rather than annotated fields: a check often runs in well under a second,
 * and building a command's model from annotations (reflection, a proxy class made per annotation
 * type, picocli's model code run once in the interpreter) took about a tenth of its wall time.
 */
final class CheckCommand implements Callable<Integer> {
    /** Up to this many addresses the text report is the side-by-side table; beyond, one table per host. */
    static final int SIDE_BY_SIDE_MAX_HOSTS = 32;

    // The option values, set by takeValues (defaults live in the model alone).
    List<String> targets = List.of();
    @Nullable Path targetFile;
    int level;
    @Nullable String ports;
    String format = "";
    @Nullable Path output;
    boolean showAll;
    int rate;
    boolean firstAddress;
    List<String> excludes = List.of();
    int maxTargets;
    @Nullable Integer maxRetries;
    @Nullable Long initialTimeout;
    @Nullable Long minTimeout;
    @Nullable Long maxTimeout;
    @Nullable Long restrictedWait;
    String scanMethod = "";
    @Nullable Integer maxInFlight;
    @Nullable Integer hostParallelism;
    @Nullable String relayDomain;
    @Nullable Path policyFile;
    @Nullable String lang;
    @Nullable String vantage;
    @Nullable String failOn;
    boolean intrusive;
    @Nullable String udpPorts;
    boolean scanOnly;
    boolean dryRun;
    /** Where the tripwire's record is, for the policy's decoy ports (read only when the policy has decoys). */
    TripwireCommand.StoreOptions tripwireStore = new TripwireCommand.StoreOptions();

    /**
     * The command's model, in the order the help lists the options. The factory is the command
     * line's own (the one-argument wrap would initialise picocli's default factory, which looks
     * for Groovy's classes on the class path at every start: a failed lookup through the whole jar).
     */
    static CommandSpec spec(CheckCommand command, CommandLine.IFactory factory) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(command, factory);
        command.spec = s;
        s.name("check");
        s.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .description("Check which TCP ports of the targets answer from where this runs.",
                        "TARGET: an address (198.18.0.1, ::1), a CIDR block (198.18.0.0/24, 2001:db8::/120),",
                        "a range (198.18.0.1-20), or a hostname.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes("0", "the check ran", "1", "an internal error", "2", "bad input (targets, ports, options, files)",
                        "3", "a finding at or above --fail-on remains after the owner's overrides"));
        s.addPositional(PositionalParamSpec.builder().paramLabel("TARGET").arity("0..*")
                .type(List.class).auxiliaryTypes(String.class).description("What to check.").build());
        s.addOption(option("-iL", "FILE", Path.class, null, "Read targets from FILE (one or more per line, # comments)."));
        s.addOption(option("--level", "1|2|3", int.class, "1",
                "1 quick: well-known ports; 2 standard: all TCP ports; 3 thorough. Default: ${DEFAULT-VALUE}."));
        s.addOption(option(new String[] {"-p", "--ports"}, "PORTS", String.class, null,
                "Ports: 22,80,8000-8100, '-' or 'all' for 1-65535, 'well-known'. Default: from the level."));
        s.addOption(option("--format", "FORMAT", String.class, "text",
                "Output format: text, json, html, pdf, xml (nmap-compatible), csv. Default: ${DEFAULT-VALUE}."));
        s.addOption(option(new String[] {"-o", "--output"}, "FILE", Path.class, null, "Write the result to FILE instead of standard output."));
        s.addOption(flag("--show-all", "List every scanned port, not only the ones that answer."));
        s.addOption(option("--rate", "N", int.class, "0", "At most N connection attempts per second (0: no cap). Default: ${DEFAULT-VALUE}."));
        s.addOption(flag("--first-address", "For hostnames, check only the first address they resolve to."));
        s.addOption(OptionSpec.builder("--exclude").paramLabel("SPEC").splitRegex(",").type(List.class).auxiliaryTypes(String.class)
                .description("Targets to leave out (same forms as TARGET).").build());
        s.addOption(option("--max-targets", "N", int.class, "65536", "Refuse to check more than N addresses. Default: ${DEFAULT-VALUE}."));
        s.addOption(option("--max-retries", "N", Integer.class, null, "Retransmissions before a silent port counts as filtered. Default: 2."));
        s.addOption(option("--initial-rtt-timeout", "MS", Long.class, null, "Connect timeout before any round trip is measured. Default: 1000."));
        s.addOption(option("--min-rtt-timeout", "MS", Long.class, null, "Lowest connect timeout. Default: 100."));
        s.addOption(option("--max-rtt-timeout", "MS", Long.class, null, "Highest connect timeout. Default: 1500."));
        s.addOption(option("--restricted-wait", "MS", Long.class, null,
                "How long beyond the round trip to watch a new connection for an at-once close. Default: 100."));
        s.addOption(option("--scan-method", "auto|connect|syn", String.class, "auto",
                "connect: full TCP connects (no privileges; IPv4 and IPv6). syn: half-open SYNs, each answered port",
                "confirmed by a full connect (root on Linux, IPv4). auto: syn where it can run, else connect. Default: ${DEFAULT-VALUE}."));
        s.addOption(option("--max-in-flight", "N", Integer.class, null, "Sockets open at once. Default: 4096."));
        s.addOption(option("--host-parallelism", "N", Integer.class, null, "Most attempts in flight to one address. Default: 1024."));
        s.addOption(option("--relay-domain", "DOMAIN", String.class, null,
                "Your own test domain for the open-relay check (recipients are invented under it). Default: the policy's, else relay-test.vantage.invalid."));
        s.addOption(option("--policy", "FILE", Path.class, null, "Your policy: host names, intended exposure, your own risk ratings."));
        s.addOption(option("--lang", "en|ja", String.class, null, "Report language. Default: the policy's, else en."));
        s.addOption(option("--vantage", "NAME", String.class, null, "A name for the place this check runs from (shown in reports)."));
        s.addOption(option("--fail-on", "high|medium|low", String.class, null,
                "Exit with code 3 when a finding at or above this risk remains after your policy's overrides."));
        s.addOption(flag("--intrusive", "Also run intrusive checks below level 3."));
        s.addOption(option(new String[] {"-pU", "--udp-ports"}, "PORTS", String.class, null,
                "UDP ports to scan with protocol payloads, or 'none'. Default: none at level 1; at levels 2 and 3 the key set 53,69,123,137,161,500,1900,5353,11211."));
        s.addOption(flag("--scan-only", "Reachability only: no service identification and no checks (what nmap -sT does)."));
        s.addOption(flag("--dry-run", "Print what would be checked and exit without sending anything."));
        s.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
        s.addOption(option("--db", "JDBC_URL", String.class, null, TripwireCommand.StoreOptions.DB_DESCRIPTION));
        s.addOption(option("--data-dir", "DIR", Path.class, null, TripwireCommand.StoreOptions.DATA_DIR_DESCRIPTION));
        return s;
    }

    /** Reads the parsed values (defaults applied) into the fields, before the command runs. */
    void takeValues() {
        targets = valueOr(spec.positionalParameters().get(0).getValue(), List.of());
        targetFile = value("-iL");
        level = value("--level");
        ports = value("--ports");
        format = value("--format");
        output = value("--output");
        showAll = isSet("--show-all");
        rate = value("--rate");
        firstAddress = isSet("--first-address");
        excludes = valueOr(value("--exclude"), List.of());
        maxTargets = value("--max-targets");
        maxRetries = value("--max-retries");
        initialTimeout = value("--initial-rtt-timeout");
        minTimeout = value("--min-rtt-timeout");
        maxTimeout = value("--max-rtt-timeout");
        restrictedWait = value("--restricted-wait");
        scanMethod = value("--scan-method");
        maxInFlight = value("--max-in-flight");
        hostParallelism = value("--host-parallelism");
        relayDomain = value("--relay-domain");
        policyFile = value("--policy");
        lang = value("--lang");
        vantage = value("--vantage");
        failOn = value("--fail-on");
        intrusive = isSet("--intrusive");
        udpPorts = value("--udp-ports");
        scanOnly = isSet("--scan-only");
        dryRun = isSet("--dry-run");
        tripwireStore.db = value("--db");
        tripwireStore.dataDir = value("--data-dir");
    }

    private static OptionSpec option(String name, String label, Class<?> type, @Nullable String defaultValue, String... description) {
        return option(new String[] {name}, label, type, defaultValue, description);
    }

    private static OptionSpec option(String[] names, String label, Class<?> type, @Nullable String defaultValue, String... description) {
        OptionSpec.Builder b = OptionSpec.builder(names).paramLabel(label).type(type).description(description);
        if (defaultValue != null) b.defaultValue(defaultValue);
        return b.build();
    }

    private static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).description(description).build();
    }

    private static Map<String, String> exitCodes(String... codeThenText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < codeThenText.length; i += 2) m.put(codeThenText[i], codeThenText[i + 1]);
        return m;
    }

    @SuppressWarnings("unchecked")
    private <T> T value(String option) {
        return (T) optionNamed(option).getValue();
    }

    private boolean isSet(String option) {
        return Boolean.TRUE.equals(optionNamed(option).getValue());
    }

    /** By any of its names; a map made once, as picocli's own lookup strips and compares every name per call. */
    private OptionSpec optionNamed(String name) {
        if (optionsByName.isEmpty()) for (OptionSpec o : spec.options()) for (String n : o.names()) optionsByName.put(n, o);
        OptionSpec o = optionsByName.get(name);
        if (o == null) throw new IllegalArgumentException("no option " + name);
        return o;
    }

    @SuppressWarnings("unchecked")
    private static <T> T valueOr(@Nullable Object value, T otherwise) {
        return value == null ? otherwise : (T) value;
    }

    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        takeValues();
        PhaseTimer.mark("command line parsed");
        if (level < 1 || level > 3) throw new BadInputException("--level must be 1, 2 or 3.");
        format = format.strip().toLowerCase(java.util.Locale.ROOT);
        ReportRenderer renderer = format.equals("json") ? null : Renderers.require(format);
        Risk threshold = failOn == null ? null : Risk.parse(failOn);
        if (threshold == Risk.INFO) throw new BadInputException("--fail-on takes high, medium or low.");
        PortList portList = ports != null ? PortList.parse(ports) : level == 1 ? NamedPortSets.wellKnown() : PortList.all();
        ScanConfig config = scanConfig();
        List<String> specs = new ArrayList<>(targets);
        if (targetFile != null) specs.addAll(TargetParser.readTargetFile(targetFile));
        List<Target> resolved = new TargetParser(HostResolver.system(), !firstAddress, maxTargets).parse(specs, excludes);
        PhaseTimer.mark("targets");
        // The knowledge base and the native calls are prepared on other threads from the start
        // (Main.preload); each is waited for as late as it can be, so that this thread's own work
        // overlaps theirs.
        Meaning meaning = Meaning.of(policyFile, lang);
        PhaseTimer.mark("knowledge base and policy");
        KnowledgeBase kb = meaning.kb();
        Policy policy = meaning.policy();
        Lang language = meaning.lang();
        String relay = relayDomain != null ? checkedDomain(relayDomain)
                : policy.relayDomain() != null ? policy.relayDomain() : CheckSettings.defaults().relayDomain();
        if (dryRun) {
            String method = dev.vantage.scan.TcpScanner.methodFor(config.method(), resolved);   // refuses an impossible --scan-method syn
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
            PhaseTimer.mark("output and listeners");
            // Refuses an impossible --scan-method syn before anything is sent (the output, not yet committed, is dropped).
            dev.vantage.scan.TcpScanner.methodFor(config.method(), resolved);
            PhaseTimer.mark("scan method (native calls linked)");
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

    private CommandSpec spec;
    private final Map<String, OptionSpec> optionsByName = new java.util.HashMap<>();
}
