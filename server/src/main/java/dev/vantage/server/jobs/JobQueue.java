package dev.vantage.server.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.vantage.server.data.Run;
import dev.vantage.server.data.Runs;
import dev.vantage.server.service.OrderService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The job queue, in the database through db-scheduler: a one-time task per run of an order (the
 * order checked from one vantage), one-time tasks for change notices, recurring tasks for
 * schedules and housekeeping.
 *
 * <p><b>Vantages.</b> Each vantage has its own task name: {@value #CHECK_TASK} for the unnamed
 * vantage (a {@code vantage serve} without {@code --vantage}; also the name every order had
 * before vantages existed), {@code vantage-order@NAME} for a named one; the instance id is the
 * order id. A worker registers only its own vantage's task. db-scheduler treats an execution whose
 * task name a scheduler does not know as <em>unresolved</em>: the scheduler never picks it, and
 * after the first sighting it leaves it out of its due-query and dead-execution query altogether.
 * That is the library's own way for processes with different task sets to share one table, so a
 * worker claims only its vantage's runs, and a dead worker's run is revived only by a worker of the
 * same vantage (the reviver has to resolve the task). A filter on the task data would need a
 * custom poll query; there is no hook for one. Two consequences are handled here: unresolved
 * executions are never deleted ({@code deleteUnresolvedAfter}, 14 days by default, would drop the
 * queued orders of a vantage whose worker is away), and polling stays fetch-then-lock-on-execute:
 * PostgreSQL's lock-and-fetch marks rows picked <em>before</em> resolving their task names, so a
 * worker would hold another vantage's run until it is declared dead.
 *
 * <p>A run cut short by a stop is put back at once and runs again from the start; one cut short
 * by a crash (kill -9) is revived by db-scheduler when its heartbeat has been missed 4 times.
 */
public final class JobQueue implements OrderService.Queue, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);
    /** The task name of the unnamed vantage's runs. */
    public static final String CHECK_TASK = "vantage-order";
    static final String NOTICE_TASK = "vantage-notice";

    /**
     * What this process runs.
     *
     * @param checkVantage the vantage whose runs it claims ("" unnamed), or null: it claims none
     * @param serviceTasks it runs notices, schedules and housekeeping (the service does; a bare worker does not)
     * @param workerId     the scheduler's name, written as picked_by (at most 50 characters)
     * @param threads      runs and other tasks at once
     */
    public record Settings(@Nullable String checkVantage, boolean serviceTasks, String workerId, int threads,
                           Duration pollingInterval, Duration heartbeat) {
        public Settings {
            if (workerId.length() > 50) workerId = workerId.substring(0, 50);
        }
    }

    /** What the tasks do. The service-side ones may be null in a bare worker. */
    public record Work(Consumer<String> runOrder, @Nullable Consumer<String> sendNotice, @Nullable Runnable scheduleTick,
                       @Nullable Runnable housekeeping) {}

    private final OneTimeTask<Void> noticeTask;
    private final SchedulerClient client;
    private final @Nullable Scheduler scheduler;
    private final RunningOrders running;
    private final Runs runs;
    private final Settings settings;

    public JobQueue(DataSource dataSource, Settings settings, Work work, RunningOrders running, Runs runs) {
        this.running = running;
        this.runs = runs;
        this.settings = settings;
        this.noticeTask = Tasks.oneTime(NOTICE_TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5, new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(5))))
                .execute((instance, ctx) -> {
                    if (work.sendNotice() != null) work.sendNotice().accept(instance.getId());
                });
        List<Task<?>> known = new ArrayList<>();
        List<RecurringTask<Void>> recurring = new ArrayList<>();
        if (settings.checkVantage() != null) {
            known.add(Tasks.oneTime(checkTaskName(settings.checkVantage()))
                    .onFailure(JobQueue::putBackIfStopping)
                    .execute((instance, ctx) -> work.runOrder().accept(instance.getId())));
        }
        if (settings.serviceTasks()) {
            known.add(noticeTask);
            if (work.scheduleTick() != null) {
                recurring.add(Tasks.recurring("vantage-schedules", FixedDelay.ofSeconds(30))
                        .execute((instance, ctx) -> work.scheduleTick().run()));
            }
            if (work.housekeeping() != null) {
                recurring.add(Tasks.recurring("vantage-housekeeping", FixedDelay.ofMinutes(10))
                        .execute((instance, ctx) -> work.housekeeping().run()));
            }
        }
        if (known.isEmpty() && recurring.isEmpty()) {
            this.scheduler = null;
            this.client = SchedulerClient.Builder.create(dataSource, List.of(noticeTask)).build();
            return;
        }
        Scheduler s = Scheduler.create(dataSource, known)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(settings.workerId()))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(4)
                .deleteUnresolvedAfter(Duration.ofDays(365 * 100))
                .shutdownMaxWait(Duration.ofSeconds(15))
                .enableImmediateExecution()
                .build();
        this.scheduler = s;
        this.client = s;
    }

    /** The task name of a vantage's runs. */
    public static String checkTaskName(String vantage) {
        return vantage.isEmpty() ? CHECK_TASK : CHECK_TASK + "@" + vantage;
    }

    /** Starts the scheduler, after putting back any run whose task was lost (an order committed, its task not). */
    public void start() {
        for (Run r : runs.unfinished()) {
            if (settings.serviceTasks() || r.vantage().equals(settings.checkVantage())) {
                if (client.scheduleIfNotExists(new TaskInstance<Void>(checkTaskName(r.vantage()), r.orderId()), Instant.now())) {
                    LOG.info("order {} at vantage '{}' had no queued task; queued it again", r.orderId(), r.vantage());
                }
            }
        }
        if (scheduler != null) scheduler.start();
    }

    @Override
    public void enqueue(String orderId, String vantage) {
        client.scheduleIfNotExists(new TaskInstance<Void>(checkTaskName(vantage), orderId), Instant.now());
    }

    public void enqueueNotice(String reportId) {
        client.scheduleIfNotExists(noticeTask.instance(reportId), Instant.now());
    }

    @Override
    public void interrupt(String orderId) {
        running.interrupt(orderId);
    }

    /** Stops the scheduler: running inspections are interrupted and their runs go back into the queue. */
    @Override
    public void close() {
        if (scheduler == null) return;
        running.shutdown();
        scheduler.stop();
    }

    private static void putBackIfStopping(ExecutionComplete complete, ExecutionOperations<Void> ops) {
        if (complete.getCause().orElse(null) instanceof ShutdownInProgress) {
            ops.reschedule(complete, Instant.now());
        } else {
            // OrderRunner records every other failure on the run itself; never retry a check blindly.
            ops.stop();
        }
    }
}
