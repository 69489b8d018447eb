package dev.vantage.server.service;

import dev.vantage.server.data.Account;
import dev.vantage.server.data.AuditLog;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.Schedule;
import dev.vantage.server.data.Schedules;
import dev.vantage.server.data.Targets;
import dev.vantage.server.notify.WebhookUrl;
import dev.vantage.server.security.Secrets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Repeated checks: a schedule orders a check of a verified target daily or weekly (the first at
 * once), and its changes since the previous check are announced by e-mail and/or a webhook.
 */
public final class ScheduleService {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);
    private static final int MAX_PER_ACCOUNT = 50;

    private final Schedules schedules;
    private final Targets targets;
    private final OrderService orders;
    private final AuditLog audit;
    private final Clock clock;

    public ScheduleService(Schedules schedules, Targets targets, OrderService orders, AuditLog audit, Clock clock) {
        this.schedules = schedules;
        this.targets = targets;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    public Schedule create(Account a, String targetId, String period, OrderRequest req, boolean notifyEmail,
                           @Nullable String webhookUrl, String sourceIp) {
        if (!Secrets.looksLikeId(targetId)) throw ServiceException.notFound();
        OwnedTarget t = targets.find(a.id(), targetId).orElseThrow(ServiceException::notFound);
        if (!t.verified()) throw ServiceException.forbidden("ui.order.unverified", null);
        if (!Schedule.DAILY.equals(period) && !Schedule.WEEKLY.equals(period)) throw ServiceException.bad("ui.schedule.bad_period");
        String hook = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        if (hook != null && WebhookUrl.parse(hook).isEmpty()) throw ServiceException.bad("ui.schedule.bad_webhook");
        if (schedules.of(a.id()).size() >= MAX_PER_ACCOUNT) throw ServiceException.bad("ui.schedule.too_many");
        if (!req.vantages().isEmpty()) orders.vantages(req);     // an unknown vantage is refused now, not at every run
        long now = clock.millis();
        Schedule s = new Schedule(Secrets.newId(), a.id(), t.id(), period, req.level(), req.ports(), req.policy(), notifyEmail,
                hook, now, now, req.vantages().isEmpty() ? null : String.join(",", req.vantages()));
        schedules.insert(s);
        audit.record(a.id(), sourceIp, "schedule-create", t.host(), period + ", level " + req.level()
                + (s.vantages() == null ? "" : ", from " + s.vantages()));
        return s;
    }

    public List<Schedule> list(Account a) {
        return schedules.of(a.id());
    }

    public List<Schedule> ofTarget(Account a, String targetId) {
        if (!Secrets.looksLikeId(targetId)) throw ServiceException.notFound();
        OwnedTarget t = targets.find(a.id(), targetId).orElseThrow(ServiceException::notFound);
        return schedules.ofTarget(t.id());
    }

    public void delete(Account a, String id, String sourceIp) {
        if (!Secrets.looksLikeId(id)) throw ServiceException.notFound();
        Schedule s = schedules.find(a.id(), id).orElseThrow(ServiceException::notFound);
        schedules.delete(a.id(), s.id());
        audit.record(a.id(), sourceIp, "schedule-delete", s.id(), null);
    }

    /** Orders the checks that are due (called by the worker's recurring task). */
    public int tick() {
        long now = clock.millis();
        int placed = 0;
        for (Schedule s : schedules.due(now, 100)) {
            long next = s.nextRunAt() + s.periodMillis();
            while (next <= now) next += s.periodMillis();    // after a long stop, run once, not once per missed day
            if (!schedules.advance(s.id(), s.nextRunAt(), next)) continue;   // another worker took it
            try {
                orders.placeScheduled(s.accountId(), s.targetId(), new OrderRequest(s.level(), s.ports(), s.policy(), s.vantageList()),
                        s.id());
                placed++;
            } catch (ServiceException e) {
                audit.record(s.accountId(), null, "schedule-skipped", s.id(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("schedule {} could not place its order", s.id(), e);
            }
        }
        return placed;
    }
}
