package dev.vantage.cli;

import dev.vantage.BadInputException;
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
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        subcommands = TripwireReportCommand.class,
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
                if ("root".equals(System.getProperty("user.name"))) {
                    err.println("tripwire: warning: running as root; a decoy needs only CAP_NET_BIND_SERVICE"
                            + " (see packaging/vantage-tripwire.service)");
                }
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
        /** Also the check command's, whose model is built without annotations. */
        static final String DB_DESCRIPTION =
                "The database, e.g. jdbc:postgresql://db/vantage (user and password from VANTAGE_DB_USER, VANTAGE_DB_PASSWORD).";
        static final String DATA_DIR_DESCRIPTION =
                "Where the embedded database lives. Default: $VANTAGE_DATA_DIR, else ~/.local/share/vantage.";

        @Option(names = "--db", paramLabel = "JDBC_URL", description = DB_DESCRIPTION)
        @Nullable String db;

        @Option(names = "--data-dir", paramLabel = "DIR", description = DATA_DIR_DESCRIPTION)
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
}
