package dev.vantage.cli;

import dev.vantage.BadInputException;
import dev.vantage.target.Cidr;
import dev.vantage.server.ServerConfig;
import dev.vantage.server.VantageServer;
import dev.vantage.server.security.TrustedProxies;
import dev.vantage.server.service.OrderRequest;
import dev.vantage.server.service.Limits;
import dev.vantage.store.StoreConfig;
import dev.vantage.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code vantage serve}: the check service, web UI and JSON API, with its worker. */
@Command(name = "serve", sortOptions = false, usageHelpAutoWidth = true,
        description = "Run the check service: a web UI and a JSON API where people sign up, prove control of their hosts, "
                + "order checks and read the reports; a worker in the same process runs the orders.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:an internal error", "2:bad input (options, database)"})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where the web UI and the API listen. Default: ${DEFAULT-VALUE}.")
    String listen;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded database lives. Default: $VANTAGE_DATA_DIR or ~/.local/share/vantage.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Use this database instead, e.g. jdbc:postgresql://db/vantage (user and password from VANTAGE_DB_USER, VANTAGE_DB_PASSWORD).")
    String db;

    @Option(names = "--no-worker", description = "Run no local worker: only take orders; 'vantage worker' processes "
            + "(or another 'vantage serve') on the same --db run them.")
    boolean noWorker;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "4", description = "Orders run at once by this process. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The URL people reach the service at (used in e-mail; https:// also marks cookies Secure).")
    String publicUrl;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "The mail relay for change notices of scheduled checks.")
    String smtp;

    @Option(names = "--mail-from", paramLabel = "ADDRESS", defaultValue = "vantage@localhost",
            description = "The sender of change notices. Default: ${DEFAULT-VALUE}.")
    String mailFrom;

    @Option(names = "--http-proof-port", paramLabel = "PORT", defaultValue = "80", hidden = true,
            description = "The port of the HTTP proof of control (80; other values are for tests).")
    int httpProofPort;

    @Option(names = "--orders-per-hour", paramLabel = "N", defaultValue = "20",
            description = "Orders one account may place per hour (three times that per source address). Default: ${DEFAULT-VALUE}.")
    int ordersPerHour;

    @Option(names = "--vantage", paramLabel = "NAME",
            description = "A name for the place the service checks from (shown in reports); orders that name no vantage are checked there.")
    String vantage;

    @Option(names = "--trust-proxy", paramLabel = "CIDR", split = ",",
            description = "Reverse proxies in these ranges may name the client in X-Forwarded-For (default: none; the header is ignored).")
    List<String> trustProxy = new ArrayList<>();

    @Option(names = "--proof-valid-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Days a proof of control lasts; DNS and HTTP proofs are checked again before each scheduled run. Default: ${DEFAULT-VALUE}.")
    int proofValidDays;

    @picocli.CommandLine.Mixin
    CheckingOptions checking = new CheckingOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    /** Picocli's default factory makes it (Main's factory is left alone); it prints to the process's streams. */
    ServeCommand() {
        this(System.out, System.err);
    }

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        quietLibraries();
        ServerConfig config = config();
        VantageServer server;
        try {
            server = VantageServer.start(config);
        } catch (StoreException e) {
            throw new BadInputException(e.getMessage());
        } catch (RuntimeException e) {
            if (rootCause(e) instanceof java.net.BindException) {
                throw new BadInputException("Cannot listen on " + listen + " (" + rootCause(e).getMessage() + "); choose another --listen.");
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "vantage-serve-stop"));
        out.println("vantage serve: listening on " + server.baseUrl() + (config.worker() ? " (with a worker)" : " (no worker)")
                + ", database " + server.store().describe());
        out.flush();
        stopped.await();
        return Main.EXIT_OK;
    }

    private ServerConfig config() {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) throw new BadInputException("--listen takes HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080.");
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port = port(listen.substring(colon + 1), "--listen");
        StoreConfig store;
        if (db != null) {
            store = StoreConfig.of(db).withCredentialsFrom(System.getenv());
        } else {
            store = StoreConfig.inDataDir(dataDir != null ? dataDir : StoreConfig.defaultDataDir(System.getenv()));
        }
        if (workers < 1 || workers > 64) throw new BadInputException("--workers must be between 1 and 64.");
        if (ordersPerHour < 1) throw new BadInputException("--orders-per-hour must be at least 1.");
        if (proofValidDays < 1 || proofValidDays > 3650) throw new BadInputException("--proof-valid-days must be between 1 and 3650.");
        if (vantage != null && !OrderRequest.VANTAGE_NAME.matcher(vantage).matches()) {
            throw new BadInputException("--vantage takes a name of letters, digits, '.', '_' and '-' (at most 40), not '" + vantage + "'.");
        }
        if (publicUrl != null && !publicUrl.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new BadInputException("--public-url must be an http:// or https:// URL.");
        }
        ServerConfig.Builder b = checking.applyTo(ServerConfig.builder(store))
                .listen(host, port)
                .worker(!noWorker)
                .workerThreads(workers)
                .publicUrl(publicUrl)
                .httpProofPort(port(String.valueOf(httpProofPort), "--http-proof-port"))
                .mailFrom(mailFrom)
                .limits(Limits.defaults().withOrders(ordersPerHour, ordersPerHour * 3))
                .vantageName(vantage)
                .trustedProxies(new TrustedProxies(cidrs(trustProxy)))
                .proofValidity(Duration.ofDays(proofValidDays));
        if (smtp != null) {
            String hp = hostPort(smtp, "--smtp", 25);
            int c = hp.lastIndexOf(':');
            b.smtp(hp.substring(0, c), Integer.parseInt(hp.substring(c + 1)));
        }
        return b.build();
    }

    /**
     * A service logs what it does (INFO for Vantage) and what goes wrong in the libraries (WARN):
     * Jetty, Flyway and db-scheduler narrate their start-up at INFO. Set before the first logger exists.
     */
    static void quietLibraries() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") != null) return;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.dev.vantage", "info");
        System.setProperty("org.slf4j.simpleLogger.log.com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization.utc_warning", "error");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ssXXX");
    }

    static List<Cidr> cidrs(List<String> specs) {
        List<Cidr> out = new ArrayList<>();
        for (String s : specs) if (!s.isBlank()) out.add(Cidr.parse(s));
        return out;
    }

    static int port(String text, String option) {
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 0 && p <= 65535) return p;
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new BadInputException(option + " needs a port from 0 to 65535, not '" + text + "'.");
    }

    /** host:port (the port defaulting), as host:port. */
    static String hostPort(String text, String option, int defaultPort) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0 || t.startsWith("[") && !t.contains("]:")) return t.replace("[", "").replace("]", "") + ":" + defaultPort;
        String host = t.substring(0, colon).replace("[", "").replace("]", "");
        if (host.isEmpty()) throw new BadInputException(option + " takes HOST:PORT.");
        return host + ":" + port(t.substring(colon + 1), option);
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 10 && t.getCause() != null && t.getCause() != t; i++) t = t.getCause();
        return t;
    }
}
