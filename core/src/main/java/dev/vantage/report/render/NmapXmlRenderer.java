package dev.vantage.report.render;

import dev.vantage.assess.AssessedFinding;
import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.AssessedPort;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.Deviation;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.probe.Service;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortReport;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The check in nmap's XML output format (the nmaprun DTD: scaninfo, host, status, address,
 * hostnames, ports, extraports, port, state, service, script, runstats), so tools that read nmap
 * results read Vantage's: ndiff, nmap.xsl, vulnerability managers, spreadsheets of scan results.
 *
 * <p>Mapping of what nmap has no word for:
 * <ul>
 *   <li>open-restricted → {@code state="open" reason="syn-ack"} and {@code service name="tcpwrapped"},
 *       exactly what nmap itself reports for a port whose service closes at once; Vantage's own
 *       state and reason are kept in the extra attributes {@code vantage_state} and
 *       {@code vantage_reason} of {@code <state>} (ndiff and nmap.xsl ignore unknown attributes)
 *       and said in {@code extrainfo}, which nmap.xsl shows.</li>
 *   <li>closed-at-once / reset-at-once reasons → syn-ack (the handshake did complete).</li>
 *   <li>Vantage's verdict on a port (its rating, the owner's rating beside it, the finding ids)
 *       → the service's {@code extrainfo}, which nmap.xsl shows and ndiff compares; the whole
 *       assessment of a host (policy name, highest risk, a line per rated port, per finding with
 *       its evidence, per policy difference) → one {@code <hostscript>} script {@code vantage},
 *       with the same as {@code elem}/{@code table} data. No port scripts and one host script:
 *       Debian's ndiff 7.93 fails on two scripts in one element and on a port whose script output
 *       changed while its line did not.</li>
 *   <li>A service guessed from the port number only → {@code method="table" conf="3"}, as nmap does.</li>
 *   <li>Closed and filtered ports not listed → {@code <extraports>} with their ranges.</li>
 * </ul>
 */
public final class NmapXmlRenderer implements ReportRenderer {
    /** Vantage service names that nmap spells differently. */
    private static final Map<String, String> NMAP_NAMES = Map.of("dns", "domain", "tls", "ssl", "https", "http",
            "smb", "microsoft-ds", "rdp", "ms-wbt-server", "postgresql", "postgres", "imaps", "imap", "pop3s", "pop3",
            "smtps", "smtp");
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Override
    public String format() {
        return "xml";
    }

    @Override
    public void render(CheckReport report, KnowledgeBase kb, Lang lang, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(xml(report, new Texts(kb, lang)));
        w.flush();
    }

    String xml(CheckReport report, Texts t) {
        StringBuilder x = new StringBuilder(16 * 1024);
        Instant start = report.run().startedAt();
        Instant end = start.plusMillis(report.summary().elapsedMillis());
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n")
                .append("<?xml-stylesheet href=\"file:///usr/share/nmap/nmap.xsl\" type=\"text/xsl\"?>\n")
                .append("<!-- Vantage check in nmap's XML format; open-restricted ports appear as open/tcpwrapped "
                        + "with vantage_state=\"open-restricted\". -->\n");
        x.append("<nmaprun scanner=\"vantage\" args=\"").append(attr(report.run().commandLine())).append("\" start=\"")
                .append(start.getEpochSecond()).append("\" startstr=\"").append(CTIME.format(start)).append("\" version=\"")
                .append(attr(report.run().version())).append("\" xmloutputversion=\"1.05\">\n");
        scanInfo(report, x);
        x.append("<verbose level=\"0\"/>\n<debugging level=\"0\"/>\n");
        for (AssessedHost h : report.hosts()) host(h, t, start, x);
        int hosts = report.hosts().size();
        x.append("<runstats><finished time=\"").append(end.getEpochSecond()).append("\" timestr=\"").append(CTIME.format(end))
                .append("\" summary=\"Vantage done at ").append(CTIME.format(end)).append("; ").append(hosts)
                .append(hosts == 1 ? " IP address (1 host up)" : " IP addresses (" + hosts + " hosts up)").append(" scanned in ")
                .append(String.format(Locale.ROOT, "%.2f", report.summary().elapsedMillis() / 1000.0))
                .append(" seconds\" elapsed=\"").append(String.format(Locale.ROOT, "%.2f", report.summary().elapsedMillis() / 1000.0))
                .append("\" exit=\"success\"/><hosts up=\"").append(hosts).append("\" down=\"0\" total=\"").append(hosts)
                .append("\"/>\n</runstats>\n</nmaprun>\n");
        return x.toString();
    }

    private static void scanInfo(CheckReport report, StringBuilder x) {
        int perHost = report.hosts().stream().mapToInt(h -> h.host().counts().total()).max().orElse(0);
        boolean udp = report.hosts().stream().anyMatch(h -> h.host().ports().stream().anyMatch(p -> p.protocol() == Protocol.UDP));
        x.append("<scaninfo type=\"connect\" protocol=\"tcp\" numservices=\"").append(perHost).append("\" services=\"")
                .append(attr(report.run().ports())).append("\"/>\n");
        if (udp) {
            x.append("<scaninfo type=\"udp\" protocol=\"udp\" numservices=\"0\" services=\"")
                    .append(attr(report.run().ports())).append("\"/>\n");
        }
    }

    private static void host(AssessedHost h, Texts t, Instant start, StringBuilder x) {
        HostReport r = h.host();
        x.append("<host starttime=\"").append(start.getEpochSecond()).append("\" endtime=\"")
                .append(start.plusMillis(r.elapsedMillis()).getEpochSecond()).append("\">");
        x.append("<status state=\"up\" reason=\"user-set\" reason_ttl=\"0\"/>\n");
        x.append("<address addr=\"").append(attr(r.target().addressText())).append("\" addrtype=\"")
                .append(r.target().isIpv6() ? "ipv6" : "ipv4").append("\"/>\n<hostnames>");
        if (!r.target().name().equals(r.target().addressText())) {
            x.append("\n<hostname name=\"").append(attr(r.target().name())).append("\" type=\"user\"/>\n");
        }
        x.append("</hostnames>\n<ports>");
        extraPorts(r, PortState.CLOSED, "conn-refused", r.counts().closed(), r.closed(), x);
        extraPorts(r, PortState.FILTERED, "no-response", r.counts().filtered(), r.filtered(), x);
        x.append('\n');
        for (AssessedPort p : h.ports()) port(p, t, x);
        x.append("</ports>\n");
        hostScript(h, t, x);
        x.append("<times srtt=\"").append(Math.max(0, medianRtt(r))).append("\" rttvar=\"0\" to=\"1000000\"/>\n</host>\n");
    }

    /** Closed or filtered ports not listed one by one; nmap 7.9x adds proto and ports to extrareasons. */
    private static void extraPorts(HostReport r, PortState state, String reason, int count, String ranges, StringBuilder x) {
        long listed = r.ports().stream().filter(p -> p.state() == state).count();
        long extra = count - listed;
        if (extra <= 0) return;
        x.append("<extraports state=\"").append(state.label()).append("\" count=\"").append(extra).append("\">\n")
                .append("<extrareasons reason=\"").append(reason).append("\" count=\"").append(extra).append("\" proto=\"tcp\"");
        if (listed == 0 && !ranges.isBlank()) x.append(" ports=\"").append(attr(ranges)).append('"');
        x.append("/>\n</extraports>\n");
    }

    private static void port(AssessedPort a, Texts t, StringBuilder x) {
        PortReport p = a.port();
        boolean restricted = p.state() == PortState.OPEN_RESTRICTED;
        x.append("<port protocol=\"").append(p.protocol().label()).append("\" portid=\"").append(p.port()).append("\">");
        x.append("<state state=\"").append(restricted ? "open" : p.state().label()).append("\" reason=\"").append(nmapReason(p.reason()))
                .append("\" reason_ttl=\"0\"");
        if (restricted) x.append(" vantage_state=\"open-restricted\" vantage_reason=\"").append(p.reason().label()).append('"');
        x.append("/>");
        service(a, t, x);
        x.append("</port>\n");
    }

    /** The service, with Vantage's verdict on the port in {@code extrainfo} (shown by nmap.xsl, compared by ndiff). */
    private static void service(AssessedPort a, Texts t, StringBuilder x) {
        PortReport p = a.port();
        Service s = p.service();
        String extra = verdict(a, t);
        if (p.state() == PortState.OPEN_RESTRICTED) {
            x.append("<service name=\"tcpwrapped\" extrainfo=\"").append(attr(extra)).append("\" method=\"probed\" conf=\"8\"/>");
        } else if (s != null && !s.name().equals("unknown")) {
            x.append("<service name=\"").append(attr(NMAP_NAMES.getOrDefault(s.name(), s.name()))).append('"');
            if (s.product() != null) x.append(" product=\"").append(attr(s.product())).append('"');
            if (s.version() != null) x.append(" version=\"").append(attr(s.version())).append('"');
            if (!extra.isEmpty()) x.append(" extrainfo=\"").append(attr(extra)).append('"');
            if (s.tls() && !s.name().equals("tls")) x.append(" tunnel=\"ssl\"");
            x.append(" method=\"probed\" conf=\"10\"/>");
        } else {
            x.append("<service name=\"").append(attr(NMAP_NAMES.getOrDefault(a.serviceKey(), a.serviceKey()))).append('"');
            if (!extra.isEmpty()) x.append(" extrainfo=\"").append(attr(extra)).append('"');
            x.append(" method=\"table\" conf=\"3\"/>");
        }
    }

    /**
     * "Vantage: open-restricted (closed-at-once); Risk: Medium; Owner's view: High; Findings:
     * smtp-open-relay": short, so that a changed rating or finding changes the port's line in
     * ndiff; the evidence is in the host script.
     */
    static String verdict(AssessedPort a, Texts t) {
        PortReport p = a.port();
        if (!p.state().isReachable() && a.findings().isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        if (p.state() == PortState.OPEN_RESTRICTED) parts.add("open-restricted (" + p.reason().label() + ")");
        if (p.state().isReachable()) parts.add(t.msg("col.risk") + ": " + t.risk(a.stockRisk()));
        if (p.state().isReachable() && a.owner() != null) parts.add(t.msg("col.owner_view") + ": " + t.risk(a.owner().risk()));
        if (!a.findings().isEmpty()) {
            parts.add(t.msg("col.findings") + ": " + String.join(", ", a.findings().stream().map(f -> f.finding().id()).toList()));
        }
        return "Vantage: " + String.join("; ", parts);
    }

    /**
     * The one host script: ndiff 7.93 (Python 3) fails on two scripts in one element and on any
     * port whose script output changed while its line did not, so Vantage writes no port scripts
     * and one host script. Its output: the host's name, highest risk and vantage, then a line per
     * rated port, per finding (with evidence) and per policy difference. Its {@code table}
     * children hold the same as data, as NSE scripts do.
     */
    private static void hostScript(AssessedHost h, Texts t, StringBuilder x) {
        List<String> lines = new ArrayList<>();
        String head = h.label() + "; " + t.msg("col.highest_risk") + ": " + t.risk(h.highestRisk());
        lines.add(h.vantage() == null ? head : head + "; " + t.msg("report.vantage") + ": " + h.vantage());
        for (AssessedPort a : h.ports()) {
            String port = a.port().port() + "/" + a.port().protocol().label() + " ";
            if (a.port().state().isReachable()) {
                String line = port + t.serviceName(a.serviceKey()) + ": " + t.msg("col.risk") + " " + t.risk(a.stockRisk());
                if (a.owner() != null) line += "; " + t.msg("col.owner_view") + ": " + t.risk(a.owner().risk()) + " — " + a.owner().note();
                lines.add(line);
            }
            for (AssessedFinding f : a.findings()) {
                lines.add(port + t.findingTitle(f.finding().id()) + " [" + t.risk(f.stockRisk()) + "]: "
                        + Printable.oneLine(f.finding().evidence()));
            }
        }
        for (Deviation d : h.deviations()) {
            lines.add(d.port() + "/" + d.protocol() + " " + t.findingTitle(d.kind()) + " (" + TextRenderer.deviationDetail(d, t) + ")");
        }
        x.append("<hostscript><script id=\"vantage\" output=\"").append(attr(String.join("\n", lines))).append("\">");
        elem("label", h.label(), x);
        elem("highest_risk", h.highestRisk().label(), x);
        x.append("<table key=\"ports\">");
        for (AssessedPort a : h.ports()) {
            if (!a.port().state().isReachable() && a.findings().isEmpty()) continue;
            x.append("<table>");
            elem("port", String.valueOf(a.port().port()), x);
            elem("protocol", a.port().protocol().label(), x);
            elem("state", a.port().state().label(), x);
            elem("service", a.serviceKey(), x);
            elem("risk", a.stockRisk().label(), x);
            if (a.owner() != null) {
                elem("owner_risk", a.owner().risk().label(), x);
                elem("owner_note", a.owner().note(), x);
            }
            if (!a.findings().isEmpty()) {
                x.append("<table key=\"findings\">");
                for (AssessedFinding f : a.findings()) {
                    x.append("<table>");
                    elem("id", f.finding().id(), x);
                    elem("risk", f.stockRisk().label(), x);
                    if (f.owner() != null) elem("owner_risk", f.owner().risk().label(), x);
                    elem("evidence", f.finding().evidence(), x);
                    x.append("</table>");
                }
                x.append("</table>");
            }
            x.append("</table>");
        }
        x.append("</table><table key=\"deviations\">");
        for (Deviation d : h.deviations()) {
            x.append("<table>");
            elem("kind", d.kind(), x);
            elem("port", String.valueOf(d.port()), x);
            elem("protocol", d.protocol(), x);
            elem("detail", d.detail(), x);
            x.append("</table>");
        }
        x.append("</table></script></hostscript>\n");
    }

    private static void elem(String key, String value, StringBuilder x) {
        x.append("<elem key=\"").append(key).append("\">").append(Printable.html(value)).append("</elem>");
    }

    private static String nmapReason(Reason reason) {
        return switch (reason) {
            case CLOSED_AT_ONCE, RESET_AT_ONCE -> "syn-ack";
            default -> reason.label();
        };
    }

    private static long medianRtt(HostReport r) {
        long[] rtts = r.ports().stream().mapToLong(PortReport::rttMicros).filter(v -> v >= 0).sorted().toArray();
        return rtts.length == 0 ? 0 : rtts[rtts.length / 2];
    }

    /** Attribute text: cleaned, escaped, with line breaks and tabs as character references. */
    static String attr(String text) {
        return Printable.html(text).replace("\n", "&#10;").replace("\t", "&#9;");
    }
}
