package dev.vantage.server.service;

import dev.vantage.assess.CheckReport;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.diff.ReportDiff;
import dev.vantage.report.render.ReportRenderer;
import dev.vantage.report.render.Renderers;
import dev.vantage.server.data.Account;
import dev.vantage.server.data.Order;
import dev.vantage.server.data.Orders;
import dev.vantage.server.data.OwnedTarget;
import dev.vantage.server.data.ReportInfo;
import dev.vantage.server.data.Reports;
import dev.vantage.server.data.Targets;
import dev.vantage.server.report.VantageReports;
import dev.vantage.server.security.Secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Reports: each visible to its owner only (anyone else gets "not found", never "forbidden", so
 * an id reveals nothing), in every format the renderers offer, with the difference from the
 * target's previous report. Reports are re-assessed on reading with the order's own policy and
 * today's knowledge base, as {@code vantage report} does with a saved result.
 */
public final class ReportService {
    /** A rendered download. */
    public record Rendered(byte[] body, String contentType, String fileExtension) {}

    private final Reports reports;
    private final Orders orders;
    private final Targets targets;

    public ReportService(Reports reports, Orders orders, Targets targets) {
        this.reports = reports;
        this.orders = orders;
        this.targets = targets;
    }

    public ReportInfo get(Account a, String id) {
        if (id == null || !Secrets.looksLikeId(id)) throw ServiceException.notFound();
        return reports.find(a.id(), id).orElseThrow(ServiceException::notFound);
    }

    public Optional<ReportInfo> forOrder(Account a, String orderId) {
        return reports.forOrder(orderId).filter(r -> r.accountId() == a.id());
    }

    /** The report of an order the caller has already found among the account's own. */
    public Optional<ReportInfo> forOrderId(String orderId) {
        return reports.forOrder(orderId);
    }

    public String json(ReportInfo r) {
        return reports.json(r.id());
    }

    public List<ReportInfo> history(Account a, String targetId, int limit) {
        if (!Secrets.looksLikeId(targetId)) throw ServiceException.notFound();
        OwnedTarget t = targets.find(a.id(), targetId).orElseThrow(ServiceException::notFound);
        return reports.history(t.id(), limit);
    }

    public List<ReportInfo> recent(Account a, int limit) {
        return reports.of(a.id(), limit);
    }

    public OwnedTarget targetOf(ReportInfo r) {
        return targets.byId(r.targetId()).orElseThrow(ServiceException::notFound);
    }

    /** The report assessed with its order's policy (its vantages side by side when there are several). */
    public CheckReport assessed(ReportInfo r) {
        Order o = orders.byId(r.orderId()).orElseThrow(ServiceException::notFound);
        OrderRequest req = new OrderRequest(o.level(), o.ports(), o.policy());
        return VantageReports.assess(json(r), req.parsedPolicy());
    }

    public Rendered render(ReportInfo r, String format, Lang lang) {
        if (format.equals("json")) return new Rendered(json(r).getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", "json");
        ReportRenderer renderer = Renderers.byFormat(format).orElseThrow(ServiceException::notFound);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer.render(assessed(r), KnowledgeBase.builtin(), lang, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(out.toByteArray(), contentType(format), format.equals("text") ? "txt" : format);
    }

    public static List<String> formats() {
        List<String> all = new java.util.ArrayList<>(List.of("json"));
        all.addAll(Renderers.formats());
        return all;
    }

    /** The previous report of the same target, if there is one. */
    public Optional<ReportInfo> previous(ReportInfo r) {
        return reports.previous(r);
    }

    /** What changed since the previous report of the same target; empty when this is the first. */
    public Optional<ReportDiff> changes(ReportInfo r) {
        return reports.previous(r).map(p -> ReportDiff.between(assessed(p), assessed(r)));
    }

    private static String contentType(String format) {
        return switch (format) {
            case "html" -> "text/html; charset=utf-8";
            case "pdf" -> "application/pdf";
            case "xml" -> "application/xml; charset=utf-8";
            case "csv" -> "text/csv; charset=utf-8";
            default -> "text/plain; charset=utf-8";
        };
    }
}
