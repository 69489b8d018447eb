package dev.vantage.cli;

import dev.vantage.BadInputException;
import dev.vantage.server.ServerConfig;
import dev.vantage.server.VantageWorker;
import dev.vantage.server.service.OrderRequest;
import dev.vantage.store.StoreConfig;
import dev.vantage.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code vantage worker}: runs the checks of one vantage, claimed from the service's PostgreSQL database. */
@Command(name = "worker", sortOptions = false, usageHelpAutoWidth = true,
        description = "Run checks for the check service from this place: claim the orders for vantage NAME from the service's "
                + "database (through db-scheduler), check, and store the results. Start one or more per vantage; "
                + "a worker that dies mid-check has its check taken up by another worker of the same vantage.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:an internal error", "2:bad input (options, database)"})
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "JDBC_URL", required = true,
            description = "The service's database, jdbc:postgresql://HOST/DB (user and password from VANTAGE_DB_USER, VANTAGE_DB_PASSWORD).")
    String db;

    @Option(names = "--vantage", paramLabel = "NAME", required = true,
            description = "The place this worker checks from (letters, digits, '.', '_', '-'); orders name it.")
    String vantage;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "4", description = "Checks run at once. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", defaultValue = "10",
            description = "How often a running check says it is alive; another worker takes it up after 4 missed beats. Default: ${DEFAULT-VALUE}.")
    int heartbeatSeconds;

    @Option(names = "--poll", paramLabel = "MS", defaultValue = "2000", hidden = true,
            description = "How often the queue is asked for new checks (new orders in this process are seen at once).")
    int pollMillis;

    @picocli.CommandLine.Mixin
    CheckingOptions checking = new CheckingOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream out;

    WorkerCommand() {
        this(System.out);
    }

    WorkerCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServeCommand.quietLibraries();
        ServerConfig config = config();
        VantageWorker worker;
        try {
            worker = VantageWorker.start(config);
        } catch (StoreException e) {
            throw new BadInputException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "vantage-worker-stop"));
        out.println("vantage worker: " + worker.id() + " at vantage " + vantage + ", " + jobs + " jobs, database "
                + worker.store().describe());
        out.flush();
        stopped.await();
        return Main.EXIT_OK;
    }

    private ServerConfig config() {
        if (!db.startsWith("jdbc:postgresql:")) {
            throw new BadInputException("--db must be the service's PostgreSQL database (jdbc:postgresql://HOST/DB); "
                    + "an embedded H2 file cannot be shared between processes.");
        }
        if (!OrderRequest.VANTAGE_NAME.matcher(vantage).matches()) {
            throw new BadInputException("--vantage takes a name of letters, digits, '.', '_' and '-' (at most 40), not '" + vantage + "'.");
        }
        if (jobs < 1 || jobs > 64) throw new BadInputException("--jobs must be between 1 and 64.");
        if (heartbeatSeconds < 1 || heartbeatSeconds > 300) throw new BadInputException("--heartbeat must be between 1 and 300 seconds.");
        if (pollMillis < 50 || pollMillis > 60_000) throw new BadInputException("--poll must be between 50 and 60000 ms.");
        return checking.applyTo(ServerConfig.builder(StoreConfig.of(db).withCredentialsFrom(System.getenv())))
                .workerThreads(jobs)
                .vantageName(vantage)
                .heartbeat(Duration.ofSeconds(heartbeatSeconds))
                .pollingInterval(Duration.ofMillis(pollMillis))
                .build();
    }
}
