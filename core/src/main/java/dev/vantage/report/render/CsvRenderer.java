package dev.vantage.report.render;

import dev.vantage.assess.AssessedFinding;
import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.AssessedPort;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.assess.OwnerView;
import dev.vantage.probe.Service;
import dev.vantage.result.PortReport;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One row per host × port × finding (a port without findings is one row; a host where nothing
 * answered is one row with empty port fields), RFC 4180, CRLF line ends. The header and the
 * state, risk and id columns are stable machine names whatever the language; the titles are in
 * the report's language. Japanese CSV starts with a byte order mark, which spreadsheet programs
 * need to read it as UTF-8. Text from the servers is cleaned and guarded against formula injection
 * (a cell starting with = + - @ gets a leading apostrophe).
 */
public final class CsvRenderer implements ReportRenderer {
    static final List<String> HEADER = List.of("host", "address", "port", "protocol", "state", "reason", "service",
            "service_name", "product", "version", "risk", "owner_risk", "owner_note", "finding", "finding_title",
            "finding_risk", "finding_owner_risk", "finding_owner_note", "evidence");

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public void render(CheckReport report, KnowledgeBase kb, Lang lang, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(csv(report, new Texts(kb, lang)));
        w.flush();
    }

    String csv(CheckReport report, Texts t) {
        StringBuilder out = new StringBuilder();
        if (t.lang() == Lang.JA) out.append('\ufeff');
        line(out, HEADER);
        for (AssessedHost h : report.hosts()) {
            String address = h.host().target().addressText();
            if (h.ports().isEmpty()) {
                String[] row = new String[HEADER.size()];
                Arrays.fill(row, "");
                row[0] = h.label();
                row[1] = address;
                line(out, Arrays.asList(row));
            }
            for (AssessedPort p : h.ports()) {
                List<String> port = portCells(h.label(), address, p, t);
                if (p.findings().isEmpty()) {
                    List<String> row = new ArrayList<>(port);
                    row.addAll(List.of("", "", "", "", "", ""));
                    line(out, row);
                }
                for (AssessedFinding f : p.findings()) {
                    List<String> row = new ArrayList<>(port);
                    row.add(f.finding().id());
                    row.add(t.findingTitle(f.finding().id()));
                    row.add(f.stockRisk().label());
                    row.add(f.owner() == null ? "" : f.owner().risk().label());
                    row.add(note(f.owner()));
                    row.add(f.finding().evidence());
                    line(out, row);
                }
            }
        }
        return out.toString();
    }

    private static List<String> portCells(String host, String address, AssessedPort a, Texts t) {
        PortReport p = a.port();
        Service s = p.service();
        boolean rated = p.state().isReachable() || !a.steps().isEmpty();
        return List.of(host, address, String.valueOf(p.port()), p.protocol().label(), p.state().label(), p.reason().label(),
                a.serviceKey(), t.serviceName(a.serviceKey()), s == null || s.product() == null ? "" : s.product(),
                s == null || s.version() == null ? "" : s.version(), rated ? a.stockRisk().label() : "",
                a.owner() == null ? "" : a.owner().risk().label(), note(a.owner()));
    }

    private static String note(@Nullable OwnerView view) {
        return view == null ? "" : view.note();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One field: cleaned to one line, defused against formulas, quoted when needed. */
    static String cell(String value) {
        String v = Printable.oneLine(value);
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) v = "'" + v;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) return '"' + v.replace("\"", "\"\"") + '"';
        return v;
    }
}
