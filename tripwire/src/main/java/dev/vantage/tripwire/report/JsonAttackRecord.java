package dev.vantage.tripwire.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vantage.report.render.Texts;
import org.jspecify.annotations.Nullable;

import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The attack record as JSON (snake_case keys, times in ISO 8601 UTC, days as dates). Labels are
 * in the chosen language only where a person reads them ({@code service_name}); everything else
 * is language-neutral.
 */
public final class JsonAttackRecord {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonAttackRecord() {}

    public static String render(AttackRecord r, Texts t) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", "vantage-attack-record");
        root.put("schema_version", SCHEMA_VERSION);
        root.put("generated_at", r.generatedAt().toString());
        time(root, "since", r.since());
        root.put("attempts", r.attempts());
        root.put("sources", r.sources());
        time(root, "first_seen", r.firstSeen());
        time(root, "last_seen", r.lastSeen());
        root.put("dropped", r.dropped());
        root.put("sources_masked", r.masked());
        ArrayNode ports = root.putArray("ports");
        for (AttackRecord.PortRow p : r.ports()) {
            ObjectNode n = ports.addObject();
            n.put("port", p.port());
            if (p.service() != null) {
                n.put("service", p.service());
                n.put("service_name", t.serviceName(p.service()));
            }
            n.put("attempts", p.attempts());
            n.put("sources", p.sources());
            n.put("first_seen", p.firstSeen().toString());
            n.put("last_seen", p.lastSeen().toString());
        }
        ArrayNode days = root.putArray("days");
        for (AttackRecord.DayRow d : r.days()) {
            days.addObject().put("day", d.day().toString()).put("attempts", d.attempts()).put("sources", d.sources());
        }
        ArrayNode sources = root.putArray("top_sources");
        for (AttackRecord.SourceRow s : r.topSources()) {
            sources.addObject().put("source", s.source()).put("attempts", s.attempts()).put("ports", s.ports())
                    .put("first_seen", s.firstSeen().toString()).put("last_seen", s.lastSeen().toString());
        }
        ArrayNode users = root.putArray("top_users");
        for (AttackRecord.TextRow u : r.users()) users.addObject().put("user", u.text()).put("count", u.count());
        ArrayNode lines = root.putArray("top_first_lines");
        for (AttackRecord.TextRow l : r.firstLines()) lines.addObject().put("line", l.text()).put("count", l.count());
        ArrayNode runs = root.putArray("runs");
        for (AttackRecord.RunRow run : r.runs()) {
            runs.addObject().put("from", run.from().toString()).put("until", run.until().toString()).put("stopped", run.stopped())
                    .put("ports", run.ports());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void time(ObjectNode node, String field, @Nullable Instant value) {
        if (value == null) node.putNull(field);
        else node.put(field, value.toString());
    }
}
