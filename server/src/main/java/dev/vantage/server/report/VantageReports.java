package dev.vantage.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.Assessor;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Policy;
import dev.vantage.report.SavedResult;
import dev.vantage.scan.ScanSummary;
import dev.vantage.server.data.VantageResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The report of an order checked from several vantages. An order with one vantage keeps that
 * vantage's canonical result as its report, byte for byte, so its JSON download is exactly what
 * {@code vantage check --format json} writes. With several, the report is a small envelope
 * ({@value #SCHEMA}) holding each vantage's canonical result unchanged; on reading, each result is
 * assessed with its own vantage and scanner address (so the policy's {@code from} rules are
 * checked against what that vantage saw) and the hosts are laid out vantage beside vantage: one
 * column per host and vantage, labelled "host @ vantage".
 */
public final class VantageReports {
    public static final String SCHEMA = "vantage-order/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private VantageReports() {}

    /** The stored report text for an order's results (one result: itself; several: the envelope). */
    public static String compose(List<VantageResult> results) {
        if (results.isEmpty()) throw new IllegalArgumentException("an order without results has no report");
        if (results.size() == 1) return results.get(0).json();
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode list = root.putArray("results");
        for (VantageResult r : results) {
            ObjectNode item = list.addObject();
            item.put("vantage", r.vantage());
            item.set("result", parse(r.json()));
        }
        return root.toString();
    }

    /** The canonical results inside a stored report, by vantage (one, without a name, for a plain result). */
    public static List<VantageResult> split(String stored) {
        JsonNode root = parse(stored);
        if (!SCHEMA.equals(root.path("schema").asText())) return List.of(new VantageResult("", stored));
        List<VantageResult> out = new ArrayList<>();
        for (JsonNode item : root.path("results")) out.add(new VantageResult(item.path("vantage").asText(), item.path("result").toString()));
        return out;
    }

    /** The report assessed with the owner's policy: each vantage on its own, then side by side. */
    public static CheckReport assess(String stored, Policy policy) {
        List<VantageResult> parts = split(stored);
        Assessor assessor = new Assessor(KnowledgeBase.builtin(), policy);
        if (parts.size() == 1) return StoredResults.read(parts.get(0).json()).assess(assessor);
        List<Column> columns = new ArrayList<>();
        CheckReport first = null;
        ScanSummary total = null;
        for (int v = 0; v < parts.size(); v++) {
            SavedResult saved = StoredResults.read(parts.get(v).json());
            CheckReport one = saved.assess(assessor);
            if (first == null) first = one;
            total = total == null ? one.summary() : plus(total, one.summary());
            String name = saved.vantage() != null ? saved.vantage() : parts.get(v).vantage();
            for (int h = 0; h < one.hosts().size(); h++) {
                AssessedHost a = one.hosts().get(h);
                columns.add(new Column(h, v, new AssessedHost(a.host(), a.label() + " @ " + name, name, a.ports(), a.deviations(),
                        a.decoys())));
            }
        }
        // A host's vantages next to each other: the owner compares one server's answers across places.
        columns.sort(Comparator.comparingInt(Column::host).thenComparingInt(Column::vantage));
        List<AssessedHost> hosts = columns.stream().map(Column::assessed).toList();
        return new CheckReport(first.run(), hosts, total, assessor.checklist(hosts));
    }

    private record Column(int host, int vantage, AssessedHost assessed) {}

    private static ScanSummary plus(ScanSummary a, ScanSummary b) {
        return new ScanSummary(a.hosts() + b.hosts(), a.counts().plus(b.counts()), Math.max(a.elapsedMillis(), b.elapsedMillis()),
                a.attempts() + b.attempts(), a.retransmissions() + b.retransmissions());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored result is not JSON", e);
        }
    }
}
