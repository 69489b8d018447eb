package dev.vantage.server.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.diff.DiffJsonWriter;
import dev.vantage.report.diff.DiffTextRenderer;
import dev.vantage.report.diff.ReportDiff;
import dev.vantage.server.data.Account;
import dev.vantage.server.data.Accounts;
import dev.vantage.server.data.AuditLog;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.Orders;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.ReportInfo;
import dev.vantage.server.data.Reports;
import dev.vantage.server.data.Schedule;
import dev.vantage.server.data.Schedules;
import dev.vantage.server.service.ReportService;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * After a scheduled check: if anything changed since the target's previous report, tells the
 * owner by e-mail (the diff as text, in their language, with a link) and/or by webhook (the diff
 * as JSON, schema {@code vantage-diff/1}, inside an envelope naming the target and report).
 * Runs as a queued job, so a relay or webhook that is down is tried again later.
 */
public final class ChangeNotifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Reports reports;
    private final Orders orders;
    private final Schedules schedules;
    private final Accounts accounts;
    private final ReportService reportService;
    private final AuditLog audit;
    private final @Nullable Mailer mailer;
    private final WebhookSender webhooks;
    private final Supplier<String> publicUrl;

    public ChangeNotifier(Reports reports, Orders orders, Schedules schedules, Accounts accounts, ReportService reportService,
                          AuditLog audit, @Nullable Mailer mailer, WebhookSender webhooks, Supplier<String> publicUrl) {
        this.reports = reports;
        this.orders = orders;
        this.schedules = schedules;
        this.accounts = accounts;
        this.reportService = reportService;
        this.audit = audit;
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.publicUrl = publicUrl;
    }

    /** Sends the notices for one report; throws (to be retried) when a destination cannot be reached. */
    public void send(String reportId) {
        ReportInfo r = reports.byId(reportId).orElse(null);
        if (r == null) return;
        Order o = orders.byId(r.orderId()).orElse(null);
        if (o == null || o.scheduleId() == null) return;
        Schedule s = schedules.byId(o.scheduleId()).orElse(null);
        Account a = accounts.byId(r.accountId()).orElse(null);
        if (s == null || a == null) return;
        Optional<ReportDiff> diff = reportService.changes(r);
        if (diff.isEmpty() || diff.get().isEmpty()) return;
        OwnedTarget target = reportService.targetOf(r);
        String base = publicUrl.get();
        String link = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/reports/" + r.id();
        try {
            if (s.notifyEmail() && mailer != null) {
                Lang lang = a.lang().equals("ja") ? Lang.JA : Lang.EN;
                KnowledgeBase kb = KnowledgeBase.builtin();
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                DiffTextRenderer.render(diff.get(), kb, lang, text);
                String body = kb.message("ui.notice.intro", lang).replace("{0}", target.host()) + "\n\n"
                        + text.toString(StandardCharsets.UTF_8) + "\n" + kb.message("ui.notice.link", lang) + " " + link + "\n";
                mailer.send(a.email(), kb.message("ui.notice.subject", lang).replace("{0}", target.host()), body);
                audit.record(a.id(), null, "notice-mail", target.host(), "report " + r.id());
            }
            if (s.webhookUrl() != null) {
                WebhookUrl url = WebhookUrl.parse(s.webhookUrl()).orElse(null);
                if (url != null) {
                    webhooks.post(url, envelope(target, r, link, diff.get()));
                    audit.record(a.id(), null, "notice-webhook", target.host(), "report " + r.id());
                }
            }
        } catch (IOException | jakarta.mail.MessagingException e) {
            audit.record(a.id(), null, "notice-failed", target.host(), e.getMessage());
            throw new UncheckedIOException(new IOException("notice for report " + reportId + " failed: " + e.getMessage(), e));
        }
    }

    private static byte[] envelope(OwnedTarget target, ReportInfo r, String link, ReportDiff diff) throws IOException {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        DiffJsonWriter.write(diff, d);
        ObjectNode root = JSON.createObjectNode();
        root.put("event", "vantage.changes");
        root.put("target", target.host());
        root.put("report", r.id());
        root.put("report_url", link);
        root.set("diff", JSON.readTree(d.toByteArray()));
        return JSON.writeValueAsBytes(root);
    }
}
