package dev.vantage.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortReport;
import dev.vantage.result.ResultListener;
import dev.vantage.scan.PortState;
import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.StateCounts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams the canonical JSON result (schema {@value #SCHEMA}, documented in docs/result-schema.md)
 * while the run goes on: each host is written as soon as it and every host before it are done, so
 * memory does not grow with the size of the scan.
 */
public final class JsonResultWriter implements ResultListener {
    public static final String SCHEMA = "vantage-scan/1";

    private final JsonGenerator json;
    private final RunInfo run;
    private boolean headerWritten;

    public JsonResultWriter(OutputStream out, RunInfo run) {
        try {
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.run = run;
    }

    @Override
    public void started(ScanPlan plan) {
        io(() -> {
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("vantage_version", run.version());
            json.writeStringField("command_line", run.commandLine());
            json.writeNumberField("level", run.level());
            json.writeStringField("protocol", plan.protocol().label());
            json.writeStringField("ports", run.ports());
            json.writeNumberField("ports_per_host", plan.portsPerHost());
            json.writeNumberField("host_count", plan.hosts());
            json.writeStringField("started_at", run.startedAt().toString());
            json.writeArrayFieldStart("hosts");
            headerWritten = true;
        });
    }

    @Override
    public void host(HostReport h) {
        io(() -> {
            json.writeStartObject();
            json.writeStringField("name", h.target().name());
            json.writeStringField("address", h.target().addressText());
            json.writeStringField("family", h.target().isIpv6() ? "ipv6" : "ipv4");
            json.writeArrayFieldStart("ports");
            for (PortReport p : h.ports()) writePort(p);
            json.writeEndArray();
            writeRanges("closed", h.counts().closed(), h.closed());
            writeRanges("filtered", h.counts().filtered(), h.filtered());
            writeCounts("totals", h.counts());
            json.writeNumberField("elapsed_ms", h.elapsedMillis());
            json.writeEndObject();
            json.flush();
        });
    }

    private void writePort(PortReport p) throws IOException {
        json.writeStartObject();
        json.writeNumberField("port", p.port());
        json.writeStringField("protocol", p.protocol().label());
        json.writeStringField("state", p.state().label());
        json.writeStringField("reason", p.reason().label());
        if (p.rttMicros() >= 0) json.writeNumberField("rtt_ms", Math.round(p.rttMicros() / 10.0) / 100.0);
        else json.writeNullField("rtt_ms");
        json.writeNumberField("attempts", p.attempts());
        if (p.service() != null) writeService(p.service());
        if (!p.findings().isEmpty()) {
            json.writeArrayFieldStart("findings");
            for (Finding f : p.findings()) {
                json.writeStartObject();
                json.writeStringField("id", f.id());
                json.writeStringField("check", f.checkId());
                json.writeStringField("evidence", f.evidence());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (!p.notes().isEmpty()) {
            json.writeArrayFieldStart("notes");
            for (String n : p.notes()) json.writeString(n);
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private void writeService(Service s) throws IOException {
        json.writeObjectFieldStart("service");
        json.writeStringField("name", s.name());
        if (s.product() != null) json.writeStringField("product", s.product());
        if (s.version() != null) json.writeStringField("version", s.version());
        json.writeBooleanField("tls", s.tls());
        if (s.banner() != null) json.writeStringField("banner", s.banner());
        if (!s.details().isEmpty()) {
            json.writeObjectFieldStart("details");
            for (Map.Entry<String, String> e : new TreeMap<>(s.details()).entrySet()) json.writeStringField(e.getKey(), e.getValue());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void writeRanges(String field, int count, String ranges) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeNumberField("count", count);
        json.writeStringField("ranges", ranges);
        json.writeEndObject();
    }

    private void writeCounts(String field, StateCounts c) throws IOException {
        json.writeObjectFieldStart(field);
        for (PortState s : PortState.values()) {
            json.writeNumberField(s.label().replace('-', '_').replace('|', '_'), c.of(s));
        }
        json.writeEndObject();
    }

    @Override
    public void finished(ScanSummary s) {
        io(() -> {
            if (!headerWritten) return;
            json.writeEndArray();
            writeCounts("totals", s.counts());
            json.writeStringField("finished_at", Instant.now().toString());
            json.writeNumberField("elapsed_ms", s.elapsedMillis());
            json.writeNumberField("attempts", s.attempts());
            json.writeNumberField("retransmissions", s.retransmissions());
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        });
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON result", e);
        }
    }
}
