package dev.vantage.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vantage.scan.HostResult;
import dev.vantage.scan.PortResult;
import dev.vantage.scan.PortState;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.Target;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Streams the canonical JSON result (schema {@value #SCHEMA}, documented in docs/result-schema.md)
 * while the scan runs: each host is written as soon as it and every host before it are done, so
 * memory does not grow with the size of the scan. Closed and filtered ports appear as counts and
 * ranges unless {@code showAll} lists every port.
 */
public final class ScanJsonWriter implements ScanListener {
    public static final String SCHEMA = "vantage-scan/1";

    private final JsonGenerator json;
    private final OrderedHosts hosts;
    private final RunInfo run;
    private boolean headerWritten;

    public ScanJsonWriter(OutputStream out, RunInfo run, List<Target> targets, boolean showAll) {
        try {
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.run = run;
        this.hosts = new OrderedHosts(targets, showAll, this::writeHost);
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
    public void portDone(PortResult result) {
        hosts.port(result);
    }

    @Override
    public void hostDone(HostResult host) {
        hosts.host(host);
    }

    private void writeHost(HostResult h, List<PortResult> ports) {
        io(() -> {
            json.writeStartObject();
            json.writeStringField("name", h.target().name());
            json.writeStringField("address", h.target().addressText());
            json.writeStringField("family", h.target().isIpv6() ? "ipv6" : "ipv4");
            json.writeArrayFieldStart("ports");
            for (PortResult p : ports) writePort(p);
            json.writeEndArray();
            writeRanges("closed", h.counts().closed(), h.closed());
            writeRanges("filtered", h.counts().filtered(), h.filtered());
            writeCounts("totals", h.counts());
            json.writeNumberField("elapsed_ms", h.elapsedMillis());
            json.writeEndObject();
            json.flush();
        });
    }

    private void writePort(PortResult p) throws IOException {
        json.writeStartObject();
        json.writeNumberField("port", p.port());
        json.writeStringField("protocol", p.protocol().label());
        json.writeStringField("state", p.state().label());
        json.writeStringField("reason", p.reason().label());
        if (p.rttMicros() >= 0) json.writeNumberField("rtt_ms", Math.round(p.rttMicros() / 10.0) / 100.0);
        else json.writeNullField("rtt_ms");
        json.writeNumberField("attempts", p.attempts());
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
