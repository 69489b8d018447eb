package dev.vantage.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.BadInputException;
import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortReport;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.Target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a canonical JSON result ({@value JsonResultWriter#SCHEMA}) back, so any format can be
 * rendered and two checks compared later. The assessment in the file is not read: it is computed
 * again, so a newer knowledge base or a changed policy shows in re-rendered reports. A file that is
 * not a Vantage result is one clear {@link BadInputException}.
 */
public final class JsonResultReader {
    private static final long MAX_BYTES = 512L << 20;

    private JsonResultReader() {}

    public static SavedResult read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) throw new BadInputException("'" + file + "' is larger than 512 MB; not a result file.");
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // a breach of Jackson's limits (nesting, sizes) comes without a location
            String where = e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : " (" + e.getOriginalMessage() + ")";
            throw new BadInputException("'" + file + "' is not valid JSON" + where + ".");
        } catch (IOException e) {
            throw new BadInputException("Cannot read '" + file + "'; check the path and its permissions.");
        }
        if (root == null || !JsonResultWriter.SCHEMA.equals(root.path("schema").asText())) {
            throw new BadInputException("'" + file + "' is not a Vantage result (expected schema " + JsonResultWriter.SCHEMA + ").");
        }
        try {
            return parse(root);
        } catch (RuntimeException e) {
            if (e instanceof BadInputException b) throw b;
            throw new BadInputException("'" + file + "' is a damaged Vantage result (" + e.getMessage() + ").");
        }
    }

    static SavedResult parse(JsonNode root) {
        RunInfo run = new RunInfo(root.path("command_line").asText(""), root.path("level").asInt(1),
                root.path("ports").asText(""), instant(root.path("started_at").asText("")), root.path("vantage_version").asText(""));
        List<HostReport> hosts = new ArrayList<>();
        Map<InetAddress, InetAddress> sources = new LinkedHashMap<>();
        for (JsonNode h : root.path("hosts")) {
            InetAddress address = address(h.path("address").asText());
            Target target = new Target(h.path("name").asText(address.getHostAddress()), address);
            List<PortReport> ports = new ArrayList<>();
            for (JsonNode p : h.path("ports")) ports.add(port(p));
            if (h.hasNonNull("source")) sources.put(address, address(h.path("source").asText()));
            hosts.add(new HostReport(target, ports, counts(h.path("totals")), h.path("closed").path("ranges").asText(""),
                    h.path("filtered").path("ranges").asText(""), h.path("elapsed_ms").asLong()));
        }
        ScanSummary summary = new ScanSummary(hosts.size(), counts(root.path("totals")), root.path("elapsed_ms").asLong(),
                root.path("attempts").asLong(), root.path("retransmissions").asLong());
        String vantage = root.hasNonNull("vantage") ? root.path("vantage").asText() : null;
        return new SavedResult(run, hosts, summary, vantage, sources);
    }

    private static PortReport port(JsonNode p) {
        Service service = null;
        JsonNode s = p.path("service");
        if (s.isObject()) {
            Map<String, String> details = new HashMap<>();
            s.path("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
            service = new Service(s.path("name").asText("unknown"), text(s, "product"), text(s, "version"),
                    s.path("tls").asBoolean(false), text(s, "banner"), details);
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : p.path("findings")) {
            findings.add(new Finding(f.path("id").asText(), f.path("check").asText(""), f.path("evidence").asText("")));
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode n : p.path("notes")) notes.add(n.asText());
        double rtt = p.path("rtt_ms").isNumber() ? p.path("rtt_ms").asDouble() : -1;
        return new PortReport(p.path("port").asInt(), Protocol.valueOf(p.path("protocol").asText("tcp").toUpperCase(Locale.ROOT)),
                PortState.fromLabel(p.path("state").asText()), Reason.fromLabel(p.path("reason").asText()),
                rtt < 0 ? -1 : Math.round(rtt * 1000), p.path("attempts").asInt(1), service, findings, notes);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static StateCounts counts(JsonNode t) {
        return new StateCounts(t.path("open").asInt(), t.path("open_restricted").asInt(), t.path("closed").asInt(),
                t.path("filtered").asInt(), t.path("open_filtered").asInt());
    }

    private static InetAddress address(String text) {
        if (!text.matches("[0-9A-Fa-f:.]+")) throw new IllegalArgumentException("bad address '" + text + "'");
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address '" + text + "'");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
