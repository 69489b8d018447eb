package dev.vantage.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vantage.assess.AssessedFinding;
import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.AssessedPort;
import dev.vantage.assess.Assessor;
import dev.vantage.assess.DecoyActivity;
import dev.vantage.assess.Deviation;
import dev.vantage.assess.OwnerView;
import dev.vantage.assess.RiskStep;
import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import org.jspecify.annotations.Nullable;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortReport;
import dev.vantage.result.ResultListener;
import dev.vantage.scan.PortState;
import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.Target;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Streams the canonical JSON result (schema {@value #SCHEMA}, documented in docs/result-schema.md)
 * while the run goes on: each host is written as soon as it and every host before it are done, so
 * memory does not grow with the size of the scan.
 */
public final class JsonResultWriter implements ResultListener {
    public static final String SCHEMA = "vantage-scan/1";

    private final JsonGenerator json;
    private final RunInfo run;
    private final Assessor assessor;
    private final @Nullable String vantage;
    private final Function<InetAddress, @Nullable InetAddress> sourceFor;
    private final Set<String> checklistKeys = new HashSet<>();
    private boolean headerWritten;

    /**
     * @param assessor  adds the meaning (risk, reasons, owner's view, deviations) to each host as it is written
     * @param vantage   the name of the place the check runs from, if given
     * @param sourceFor the scanner's own address towards a target, for the policy's {@code from} rules
     */
    public JsonResultWriter(OutputStream out, RunInfo run, Assessor assessor, @Nullable String vantage,
                            Function<InetAddress, @Nullable InetAddress> sourceFor) {
        this.assessor = assessor;
        this.vantage = vantage;
        this.sourceFor = sourceFor;
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
            json.writeStringField("scan_method", plan.method());
            json.writeStringField("ports", run.ports());
            json.writeNumberField("ports_per_host", plan.portsPerHost());
            json.writeNumberField("host_count", plan.hosts());
            if (vantage != null) json.writeStringField("vantage", vantage);
            json.writeStringField("started_at", run.startedAt().toString());
            json.writeArrayFieldStart("hosts");
            headerWritten = true;
        });
    }

    @Override
    public void host(HostReport h) {
        PreparedQuietRuns ahead = prepared.remove(h.target().address());
        InetAddress sourceAddress = sourceFor.apply(h.target().address());
        // Quiet TCP ports (nearly all of a --show-all listing) carry no risk: assess the others only.
        AssessedHost assessed = assessor.assess(h.withoutQuietTcpPorts(), vantage, sourceAddress);
        checklistKeys.addAll(assessor.checklistKeys(assessed));
        io(() -> {
            json.writeStartObject();
            json.writeStringField("name", h.target().name());
            json.writeStringField("label", assessed.label());
            json.writeStringField("highest_risk", assessed.highestRisk().label());
            json.writeStringField("address", h.target().addressText());
            json.writeStringField("family", h.target().isIpv6() ? "ipv6" : "ipv4");
            if (sourceAddress != null) json.writeStringField("source", sourceAddress.getHostAddress());
            json.writeArrayFieldStart("ports");
            java.util.Iterator<AssessedPort> answering = assessed.ports().iterator();
            List<PortReport> ports = h.ports();
            int n = ports.size();
            int i = 0;
            while (i < n) {
                PreparedQuietRuns.Run run = ahead == null || !quiet.isEmpty() || !ports.get(i).quietTcp() ? null : ahead.startingAt(ports, i);
                if (run != null) {   // rendered during the scan's tail: the same bytes as below
                    for (byte[] chunk : run.fullChunks()) {
                        quiet.load(chunk);
                        flushQuiet();
                    }
                    quiet.load(run.tail());
                    i += run.count();
                    continue;
                }
                i = quiet.addQuietTcp(ports, i);   // up to the next port that answers, the end, or a full buffer
                if (quiet.full()) {
                    flushQuiet();
                } else if (i < n) {
                    flushQuiet();
                    writePort(answering.next());
                    i++;
                }
            }
            flushQuiet();
            json.writeEndArray();
            if (!assessed.deviations().isEmpty()) {
                json.writeArrayFieldStart("deviations");
                for (Deviation d : assessed.deviations()) {
                    json.writeStartObject();
                    json.writeStringField("kind", d.kind());
                    json.writeNumberField("port", d.port());
                    json.writeStringField("protocol", d.protocol());
                    json.writeStringField("detail", d.detail());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (!assessed.decoys().isEmpty()) {
                json.writeArrayFieldStart("decoys");
                for (DecoyActivity.Attempts a : assessed.decoys()) {
                    json.writeStartObject();
                    json.writeNumberField("port", a.port());
                    json.writeNumberField("attempts", a.count());
                    json.writeNumberField("sources", a.sources());
                    json.writeStringField("since", a.since().toString());
                    json.writeBooleanField("since_last_check", a.sinceLastCheck());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            writeRanges("closed", h.counts().closed(), h.closed());
            writeRanges("filtered", h.counts().filtered(), h.filtered());
            writeCounts("totals", h.counts());
            json.writeNumberField("elapsed_ms", h.elapsedMillis());
            json.writeEndObject();
            json.flush();
        });
    }

    /** Renders the quiet ports decided so far on the caller's thread, for {@link #host} to copy. */
    @Override
    public void prepare(Target target, List<@Nullable PortReport> decidedSoFar) {
        prepared.put(target.address(), PreparedQuietRuns.render(decidedSoFar));
    }

    private final Map<InetAddress, PreparedQuietRuns> prepared = new java.util.concurrent.ConcurrentHashMap<>();

    /** Writes the run of quiet ports gathered so far as one raw value (its elements separated inside). */
    private void flushQuiet() throws IOException {
        if (quiet.isEmpty()) return;
        json.writeRawValue(quiet);
        quiet.clear();
    }

    private final QuietPortLines quiet = new QuietPortLines();

    private void writePort(AssessedPort a) throws IOException {
        PortReport p = a.port();
        if (nothingAnswers(a)) {       // a quiet UDP port, listed by --show-all
            quiet.add(p);
            flushQuiet();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("port", p.port());
        json.writeStringField("protocol", p.protocol().label());
        json.writeStringField("state", p.state().label());
        json.writeStringField("reason", p.reason().label());
        if (p.rttMicros() >= 0) json.writeNumberField("rtt_ms", Math.round(p.rttMicros() / 10.0) / 100.0);
        else json.writeNullField("rtt_ms");
        json.writeNumberField("attempts", p.attempts());
        if (p.service() != null) writeService(p.service());
        json.writeStringField("service_key", a.serviceKey());
        json.writeObjectFieldStart("risk");
        json.writeStringField("stock", a.stockRisk().label());
        json.writeStringField("effective", a.effectiveRisk().label());
        json.writeArrayFieldStart("steps");
        for (RiskStep step : a.steps()) {
            json.writeStartObject();
            switch (step) {
                case RiskStep.ServiceDefault d -> { json.writeStringField("step", "service-default"); json.writeStringField("service", d.service()); }
                case RiskStep.RaisedByFinding r -> { json.writeStringField("step", "raised-by-finding"); json.writeStringField("finding", r.finding()); }
                case RiskStep.LoweredRestricted l -> json.writeStringField("step", "lowered-open-restricted");
            }
            json.writeStringField("risk", step.risk().label());
            json.writeEndObject();
        }
        json.writeEndArray();
        writeOwner(a.owner());
        json.writeEndObject();
        if (!a.findings().isEmpty()) {
            json.writeArrayFieldStart("findings");
            for (AssessedFinding af : a.findings()) {
                Finding f = af.finding();
                json.writeStartObject();
                json.writeStringField("id", f.id());
                json.writeStringField("check", f.checkId());
                json.writeStringField("evidence", f.evidence());
                json.writeStringField("risk", af.stockRisk().label());
                writeOwner(af.owner());
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

    private static boolean nothingAnswers(AssessedPort a) {
        PortState state = a.port().state();
        return (state == PortState.CLOSED || state == PortState.FILTERED) && a.port().service() == null
                && a.findings().isEmpty() && a.port().notes().isEmpty() && a.owner() == null;
    }

    private void writeOwner(@Nullable OwnerView owner) throws IOException {
        if (owner == null) return;
        json.writeObjectFieldStart("owner");
        json.writeStringField("risk", owner.risk().label());
        json.writeStringField("note", owner.note());
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
            json.writeArrayFieldStart("checklist");
            for (String id : assessor.checklist(checklistKeys)) json.writeString(id);
            json.writeEndArray();
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
