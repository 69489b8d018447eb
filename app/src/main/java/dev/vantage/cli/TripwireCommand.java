package dev.vantage.cli;

import dev.vantage.BadInputException;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.render.Texts;
import dev.vantage.store.Store;
import dev.vantage.store.StoreConfig;
import dev.vantage.store.StoreException;
import dev.vantage.store.decoy.DecoyDao;
import dev.vantage.target.PortList;
import dev.vantage.tripwire.Addresses;
import dev.vantage.tripwire.Banner;
import dev.vantage.tripwire.DecoyStats;
import dev.vantage.tripwire.Tripwire;
import dev.vantage.tripwire.TripwireConfig;
import dev.vantage.tripwire.report.AttackRecord;
import dev.vantage.tripwire.report.AttackRecords;
import dev.vantage.tripwire.report.HtmlAttackRecord;
import dev.vantage.tripwire.report.JsonAttackRecord;
import dev.vantage.tripwire.report.TextAttackRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code vantage tripwire}: decoy ports that record who knocks, and {@code vantage tripwire report}:
 * the attack record they produce. Runs until SIGTERM or SIGINT (or {@code --duration}); on the way
 * out every queued event is written and the run is marked as stopped.
 */
@Command(name = "tripwire", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Listen on decoy ports left reachable on purpose and record every connection: when, from where,",
                "to which port, what the client sent first, which user names it tried (passwords only as salted hashes).",
                "Nothing runs behind the decoys. Stop with SIGTERM or Ctrl-C."},
        subcommands = TripwireCommand.Report.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:an internal error", "2:bad input (options, ports that cannot be bound, database)"})
final class TripwireCommand implements Callable<Integer> {
    @Option(names = {"-p", "--ports"}, paramLabel = "PORTS", description = "Decoy ports, e.g. 21,23,3389 (at most 100).")
    @Nullable String ports;

    @Option(names = "--banner", paramLabel = "PROTOCOL", split = ",",
            description = {"What the decoys say first: none (default), telnet, ftp, smtp, http, ssh, or auto (by port: 23 telnet,",
                    "21 ftp, 25 smtp, 80 http, 22 ssh, else none); PORT=PROTOCOL sets one port, e.g. --banner auto,2323=telnet."})
    List<String> banners = new ArrayList<>();

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--log", paramLabel = "FILE", description = "Also append every event to FILE as a JSON line.")
    @Nullable Path log;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Listen on this address only. Default: every address.")
    @Nullable String bind;

    @Option(names = "--host-address", paramLabel = "ADDRESS",
            description = "Record events under this address (the public one, when the tripwire sits behind NAT). Default: the address connected to.")
    @Nullable String hostAddress;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + TripwireConfig.DEFAULT_MAX_CONNECTIONS,
            description = "Connections served at once; beyond, they are closed at once and still counted. Default: ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(names = "--source-rate", paramLabel = "N", defaultValue = "" + TripwireConfig.DEFAULT_SOURCE_RATE,
            description = "Connections a second one source may open before it is closed at once (still counted); 0: no limit. Default: ${DEFAULT-VALUE}.")
    double sourceRate;

    @Option(names = "--source-burst", paramLabel = "N", defaultValue = "" + TripwireConfig.DEFAULT_SOURCE_BURST,
            description = "Connections one source may open at once before --source-rate applies. Default: ${DEFAULT-VALUE}.")
    int sourceBurst;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds. Default: run until stopped.")
    @Nullable Long duration;

    @Option(names = "--status-interval", paramLabel = "SECONDS", defaultValue = "600",
            description = "Print a status line (counters, heap) this often; 0: only at the end. Default: ${DEFAULT-VALUE}.")
    long statusInterval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        quietLibraries();
        PrintWriter err = spec.commandLine().getErr();
        if (ports == null) throw new BadInputException("Give the decoy ports with --ports, e.g. --ports 21,23,3389.");
        if (duration != null && duration <= 0) throw new BadInputException("--duration must be 1 second or more.");
        if (statusInterval < 0) throw new BadInputException("--status-interval must be 0 or more seconds.");
        TripwireConfig config = new TripwireConfig(bannersByPort(PortList.parse(ports), banners), literal(bind, "--bind"),
                literal(hostAddress, "--host-address"), maxConnections, sourceRate, sourceBurst, TripwireConfig.DEFAULT_CAPTURE_BYTES,
                TripwireConfig.DEFAULT_SESSION_TIMEOUT, TripwireConfig.DEFAULT_QUEUE_CAPACITY);
        try (Store db = store.open(false)) {
            Tripwire tripwire = Tripwire.start(config, new DecoyDao(db.jdbi()), log, w -> err.println("tripwire: warning: " + w),
                    Clock.systemUTC());
            CountDownLatch stopRequested = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            StopSignals signals = StopSignals.install(stopRequested);
            // Other ways out (SIGHUP, System.exit elsewhere) run shutdown hooks: then write what we can.
            Thread hook = new Thread(() -> {
                stopRequested.countDown();
                try {
                    stopped.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "tripwire-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                err.println("tripwire: listening on " + describe(tripwire.listening(), config) + "; recording to " + db.describe()
                        + (log != null ? " and " + log : ""));
                waitForStop(stopRequested, tripwire, err);
            } finally {
                tripwire.close();
                DecoyStats stats = tripwire.stats();
                err.println("tripwire: stopped after " + Duration.between(tripwire.startedAt(), Instant.now()).toSeconds() + " s; "
                        + stats.statusLine().substring("tripwire: ".length()));
                stopped.countDown();
                signals.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook is running and now returns
                }
            }
        } catch (StoreException e) {
            throw new BadInputException(e.getMessage());
        }
        return Main.EXIT_OK;
    }

    private void waitForStop(CountDownLatch stopRequested, Tripwire tripwire, PrintWriter err) {
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        long interval = statusInterval == 0 ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(statusInterval);
        try {
            while (true) {
                long wait = Math.min(interval, end - System.nanoTime());
                if (wait <= 0 || stopRequested.await(wait, TimeUnit.NANOSECONDS)) return;
                if (System.nanoTime() >= end) return;
                err.println(tripwire.stats().statusLine());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every port's banner from the --banner items: a default (a protocol or auto) and PORT=PROTOCOL overrides. */
    static SortedMap<Integer, Banner> bannersByPort(PortList ports, List<String> specs) {
        Banner fallback = Banner.NONE;
        boolean auto = false;
        Map<Integer, Banner> overrides = new TreeMap<>();
        for (String raw : specs) {
            String spec = raw.strip();
            int eq = spec.indexOf('=');
            if (eq < 0) {
                if (spec.equalsIgnoreCase("auto")) auto = true;
                else fallback = Banner.parse(spec);
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(spec.substring(0, eq).strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("Cannot read --banner '" + spec + "'; give PROTOCOL or PORT=PROTOCOL, e.g. 2323=telnet.");
            }
            if (!ports.contains(port)) throw new BadInputException("--banner names port " + port + ", which is not in --ports.");
            String protocol = spec.substring(eq + 1).strip();
            overrides.put(port, protocol.equalsIgnoreCase("auto") ? Banner.forPort(port) : Banner.parse(protocol));
        }
        SortedMap<Integer, Banner> out = new TreeMap<>();
        for (int p : ports.toArray()) out.put(p, overrides.getOrDefault(p, auto ? Banner.forPort(p) : fallback));
        return out;
    }

    private static String describe(List<InetSocketAddress> listening, TripwireConfig config) {
        return listening.stream().map(a -> {
            String host = a.getAddress().isAnyLocalAddress() ? "*" : Addresses.canonical(a.getAddress());
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + " (" + config.ports().get(a.getPort()).label() + ")";
        }).collect(Collectors.joining(", "));
    }

    /** An IP address literal (never a name: no DNS lookup for what we bind to or record). */
    static @Nullable InetAddress literal(@Nullable String text, String option) {
        if (text == null) return null;
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (!t.matches("[0-9a-fA-F:.]+") || !(t.contains(".") || t.contains(":"))) {
            throw new BadInputException(option + " takes an IP address such as 192.0.2.1 or 2001:db8::1, not '" + text + "'.");
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            throw new BadInputException(option + " takes an IP address such as 192.0.2.1 or 2001:db8::1, not '" + text + "'.");
        }
    }

    /** Flyway and the pool report progress at INFO; on this command's terminal only their warnings belong. */
    static void quietLibraries() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    /** Where the store is: --db, or the H2 file in --data-dir (default $VANTAGE_DATA_DIR, else ~/.local/share/vantage). */
    static final class StoreOptions {
        @Option(names = "--db", paramLabel = "JDBC_URL",
                description = "The database, e.g. jdbc:postgresql://db/vantage (user and password from VANTAGE_DB_USER, VANTAGE_DB_PASSWORD).")
        @Nullable String db;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Where the embedded database lives. Default: $VANTAGE_DATA_DIR, else ~/.local/share/vantage.")
        @Nullable Path dataDir;

        Store open(boolean mustExist) {
            if (db != null && dataDir != null) throw new BadInputException("Give either --db or --data-dir, not both.");
            try {
                StoreConfig c = db != null ? StoreConfig.of(db)
                        : StoreConfig.inDataDir(dataDir != null ? dataDir : StoreConfig.defaultDataDir(System.getenv()));
                return Store.open(c.withCredentialsFrom(System.getenv()).withMustExist(mustExist));
            } catch (StoreException e) {
                throw new BadInputException(e.getMessage());
            }
        }
    }

    /** {@code vantage tripwire report}: the attack record as text, JSON or a self-contained HTML page. */
    @Command(name = "report", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
            description = {"Summarise what the tripwire recorded: attempts per port, per day and per source, first and last seen,",
                    "user names tried, what clients sent first. The HTML page is meant for publishing (use --mask-sources)."})
    static final class Report implements Callable<Integer> {
        enum Format { text, json, html }

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
        Format format;

        @Option(names = "--since", paramLabel = "WHEN",
                description = "Only from then on: a date (2025-03-01, UTC), a time (2025-03-01T12:00:00Z) or an age (30d, 12h). Default: everything.")
        @Nullable String since;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        @Nullable Path output;

        @Option(names = "--mask-sources", description = "Show source addresses as 203.0.113.x (IPv6 as its /48), for publishing.")
        boolean maskSources;

        @Option(names = "--lang", paramLabel = "en|ja", defaultValue = "en", description = "Language of the labels. Default: ${DEFAULT-VALUE}.")
        String lang;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10",
                description = "How many sources, user names and first lines to list. Default: ${DEFAULT-VALUE}.")
        int top;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            quietLibraries();
            Lang language = Lang.parse(lang);
            if (top < 1 || top > 1000) throw new BadInputException("--top must be between 1 and 1000.");
            Instant now = Instant.now();
            Instant from = since == null ? null : parseSince(since, now);
            AttackRecord record;
            try (Store db = store.open(true)) {
                record = AttackRecords.read(new DecoyDao(db.jdbi()), from, now, top, maskSources);
            }
            Texts texts = new Texts(KnowledgeBase.builtin(), language);
            String rendered = switch (format) {
                case text -> TextAttackRecord.render(record, texts);
                case json -> JsonAttackRecord.render(record, texts);
                case html -> HtmlAttackRecord.render(record, texts);
            };
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(rendered);
                out.flush();
                return Main.EXIT_OK;
            }
            try (OutputTarget target = OutputTarget.open(output, java.io.OutputStream.nullOutputStream())) {
                target.stream().write(rendered.getBytes(StandardCharsets.UTF_8));
                target.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Main.EXIT_OK;
        }

        private static final Pattern AGE = Pattern.compile("(\\d{1,6})([dh])");

        /** A UTC date, an ISO instant, or an age before {@code now} (30d, 12h). */
        static Instant parseSince(String text, Instant now) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            Matcher age = AGE.matcher(t);
            if (age.matches()) {
                long n = Long.parseLong(age.group(1));
                return now.minus(age.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n));
            }
            try {
                if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new BadInputException("Cannot read --since '" + text + "'; give a date (2025-03-01), a time (2025-03-01T12:00:00Z)"
                        + " or an age (30d, 12h).");
            }
        }
    }
}
