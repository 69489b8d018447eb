package dev.vantage.report.diff;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A diff for programs, schema {@value #SCHEMA}:
 * <pre>{@code
 * {"schema": "vantage-diff/1", "old_started_at": "...", "new_started_at": "...", "changed": true,
 *  "hosts": [{"address": "198.19.0.2", "label": "main server", "presence": "both",
 *             "changes": [{"kind": "port-new", "port": 143, "protocol": "tcp",
 *                          "before": "closed", "after": "open", "detail": "imap Dovecot imapd"}]}]}
 * }</pre>
 * {@code presence} is both, new or gone; {@code kind} is port-new, port-gone, state, service,
 * finding-new, finding-resolved or risk; before/after hold state labels, software descriptions,
 * finding ids or risk labels (null when absent). Hosts without changes are left out.
 */
public final class DiffJsonWriter {
    public static final String SCHEMA = "vantage-diff/1";

    private DiffJsonWriter() {}

    public static void write(ReportDiff diff, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("old_started_at", diff.oldStartedAt().toString());
            json.writeStringField("new_started_at", diff.newStartedAt().toString());
            json.writeBooleanField("changed", !diff.isEmpty());
            json.writeArrayFieldStart("hosts");
            for (HostDiff h : diff.hosts()) {
                if (h.isEmpty()) continue;
                json.writeStartObject();
                json.writeStringField("address", h.address());
                json.writeStringField("label", h.label());
                json.writeStringField("presence", h.presence().label());
                json.writeArrayFieldStart("changes");
                for (Change c : h.changes()) {
                    json.writeStartObject();
                    json.writeStringField("kind", c.kind().label());
                    json.writeNumberField("port", c.port());
                    json.writeStringField("protocol", c.protocol());
                    nullable(json, "before", c.before());
                    nullable(json, "after", c.after());
                    nullable(json, "detail", c.detail());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        out.flush();
    }

    private static void nullable(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value == null) json.writeNullField(field);
        else json.writeStringField(field, value);
    }
}
