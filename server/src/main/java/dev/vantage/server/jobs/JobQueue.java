package dev.vantage.server.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.Orders;
import dev.vantage.server.service.OrderService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The job queue, in the database through db-scheduler: one-time tasks for orders and change
 * notices, recurring tasks for schedules and housekeeping. An order is a task instance named by
 * the order id, so it survives restarts: a run cut short by a stop is put back at once and runs
 * again from the start; one cut short by a crash is revived when its heartbeat goes stale.
 * Without a worker ({@code --no-worker}) the queue only schedules, and another process runs.
 */
public final class JobQueue implements OrderService.Queue, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);

    /** How the worker polls and how soon a crashed run is noticed. */
    public record Settings(boolean worker, int threads, Duration pollingInterval, Duration heartbeat) {}

    /** What the tasks do. */
    public record Work(Consumer<String> runOrder, Consumer<String> sendNotice, Runnable scheduleTick, Runnable housekeeping) {}

    private final OneTimeTask<Void> checkTask;
    private final OneTimeTask<Void> noticeTask;
    private final SchedulerClient client;
    private final @Nullable Scheduler scheduler;
    private final RunningOrders running;
    private final Orders orders;

    public JobQueue(DataSource dataSource, Settings settings, Work work, RunningOrders running, Orders orders) {
        this.running = running;
        this.orders = orders;
        this.checkTask = Tasks.oneTime("vantage-order")
                .onFailure(JobQueue::putBackIfStopping)
                .execute((instance, ctx) -> work.runOrder().accept(instance.getId()));
        this.noticeTask = Tasks.oneTime("vantage-notice")
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5, new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(5))))
                .execute((instance, ctx) -> work.sendNotice().accept(instance.getId()));
        List<Task<?>> known = List.of(checkTask, noticeTask);
        if (settings.worker()) {
            RecurringTask<Void> tick = Tasks.recurring("vantage-schedules", FixedDelay.ofSeconds(30))
                    .execute((instance, ctx) -> work.scheduleTick().run());
            RecurringTask<Void> housekeeping = Tasks.recurring("vantage-housekeeping", FixedDelay.ofMinutes(10))
                    .execute((instance, ctx) -> work.housekeeping().run());
            Scheduler s = Scheduler.create(dataSource, known)
                    .startTasks(tick, housekeeping)
                    .threads(settings.threads())
                    .pollingInterval(settings.pollingInterval())
                    .heartbeatInterval(settings.heartbeat())
                    .missedHeartbeatsLimit(4)
                    .shutdownMaxWait(Duration.ofSeconds(15))
                    .enableImmediateExecution()
                    .build();
            this.scheduler = s;
            this.client = s;
        } else {
            this.scheduler = null;
            this.client = SchedulerClient.Builder.create(dataSource, known).build();
        }
    }

    /** Starts the worker, after putting back any order whose task was lost (an order row committed, its task not). */
    public void start() {
        for (Order o : orders.unfinished()) {
            if (client.scheduleIfNotExists(checkTask.instance(o.id()), Instant.now())) {
                LOG.info("order {} had no queued task; queued it again", o.id());
            }
        }
        if (scheduler != null) scheduler.start();
    }

    @Override
    public void enqueue(String orderId) {
        client.scheduleIfNotExists(checkTask.instance(orderId), Instant.now());
    }

    public void enqueueNotice(String reportId) {
        client.scheduleIfNotExists(noticeTask.instance(reportId), Instant.now());
    }

    @Override
    public void interrupt(String orderId) {
        running.interrupt(orderId);
    }

    /** Stops the worker: running inspections are interrupted and their orders go back into the queue. */
    @Override
    public void close() {
        if (scheduler == null) return;
        running.shutdown();
        scheduler.stop();
    }

    private static void putBackIfStopping(com.github.kagkarlsson.scheduler.task.ExecutionComplete complete,
                                          com.github.kagkarlsson.scheduler.task.ExecutionOperations<Void> ops) {
        if (complete.getCause().orElse(null) instanceof ShutdownInProgress) {
            ops.reschedule(complete, Instant.now());
        } else {
            // OrderRunner records every other failure on the order itself; never retry a check blindly.
            ops.stop();
        }
    }
}
