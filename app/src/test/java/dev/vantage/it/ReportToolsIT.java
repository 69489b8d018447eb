package dev.vantage.it;

import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.Assessor;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.assess.Policy;
import dev.vantage.assess.PolicyParser;
import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import dev.vantage.report.RunInfo;
import dev.vantage.report.render.Renderers;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortReport;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report formats read by the tools people already have: nmap's ndiff and its XSL stylesheet
 * (through xsltproc) on the nmap XML, poppler's pdftotext on the PDF, and headless Chromium on the
 * HTML (the screenshots stay under target/screenshots/ to look at). The Debian packages come from
 * bin/test-packages.txt (nmap, ndiff, xsltproc, poppler-utils, chromium, fonts-ipafont-gothic).
 */
class ReportToolsIT {
    private static final KnowledgeBase KB = KnowledgeBase.builtin();

    @TempDir
    Path dir;

    @Test
    void ndiffComparesTwoVantageXmlFiles() throws Exception {
        assumeTrue(tool("/usr/bin/ndiff"), "needs ndiff (Debian package ndiff)");
        Path before = render(Fixture.report(false), "xml", Lang.EN, "before.xml");
        Path after = render(Fixture.report(true), "xml", Lang.EN, "after.xml");
        Run r = run(60, "ndiff", before.toString(), after.toString());
        assertEquals(1, r.exit(), "1 = the scans differ (2 would be an error)\n" + r.out() + r.err());
        assertTrue(r.out().contains("+143/tcp open"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("-25/tcp +open +smtp +Postfix smtpd \\(Vantage: Risk: High; Findings: smtp-open-relay\\)")),
                "the resolved finding changes the port's line\n" + r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\+25/tcp +open +smtp +Postfix smtpd \\(Vantage: Risk: Low\\)")), r.out());
        assertTrue(r.out().contains("-|  25/tcp Mail server relays mail for anyone"), "and the host script\n" + r.out());
        Run same = run(60, "ndiff", before.toString(), before.toString());
        assertEquals(0, same.exit(), same.out() + same.err());
    }

    @Test
    void nmapsStylesheetShowsThePorts() throws Exception {
        assumeTrue(tool("/usr/bin/xsltproc") && Files.exists(Path.of("/usr/share/nmap/nmap.xsl")), "needs xsltproc and nmap");
        Path xml = render(Fixture.report(false), "xml", Lang.EN, "report.xml");
        Run r = run(60, "xsltproc", "--nonet", "/usr/share/nmap/nmap.xsl", xml.toString());
        assertEquals(0, r.exit(), r.err());
        Files.writeString(screenshots().resolve("report-nmap-xsl.html"), r.out());
        assertTrue(r.out().contains("porttable_198.19.0.2") && r.out().contains("porttable_198.19.0.3"), "a port table per host");
        assertTrue(r.out().contains("<td>25</td>") && r.out().contains("Postfix smtpd"), "the mail server row");
        assertTrue(r.out().contains("tcpwrapped") && r.out().contains("Vantage: open-restricted"), "open-restricted, explained");
        assertTrue(r.out().contains("Vantage: Risk: High; Findings: smtp-open-relay"), "the verdict in the Extra info column");
        assertTrue(r.out().contains("Mail server relays mail for anyone [High]"), "findings in the host script");
    }

    /** Valid against nmap.dtd except for what the mapping documents: our scanner name and two extra attributes. */
    @Test
    void validAgainstNmapsDtdApartFromTheDocumentedExtras() throws Exception {
        Path dtd = Path.of("/usr/share/nmap/nmap.dtd");
        assumeTrue(Files.exists(dtd), "needs nmap's DTD (Debian package nmap)");
        String xml = Files.readString(render(Fixture.report(false), "xml", Lang.EN, "report.xml"))
                .replace("<!DOCTYPE nmaprun>", "<!DOCTYPE nmaprun SYSTEM \"" + dtd.toUri() + "\">");
        List<String> errors = new ArrayList<>();
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setValidating(true);
        f.newSAXParser().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new DefaultHandler() {
            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }
        });
        List<String> unexpected = errors.stream().filter(e -> !e.contains("scanner") && !e.contains("vantage_state")
                && !e.contains("vantage_reason")).toList();
        assertEquals(List.of(), unexpected);
    }

    @Test
    void pdftotextReadsTheJapanesePdf() throws Exception {
        assumeTrue(tool("/usr/bin/pdftotext"), "needs pdftotext (Debian package poppler-utils)");
        Path pdf = render(Fixture.report(false), "pdf", Lang.JA, "report-ja.pdf");
        Files.copy(pdf, screenshots().resolve("report-ja.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run r = run(60, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Vantage セキュリティチェック報告書"), r.out().substring(0, Math.min(300, r.out().length())));
        assertTrue(r.out().contains("main server") && r.out().contains("login server"));
        assertTrue(r.out().contains("取扱注意"));
    }

    @Test
    void chromiumShowsTheHtmlReport() throws Exception {
        assumeTrue(tool("/usr/bin/chromium"), "needs chromium (Debian package chromium)");
        for (Lang lang : Lang.values()) {
            Path html = render(Fixture.report(false), "html", lang, "report-" + lang.code() + ".html");
            Path png = screenshots().resolve("report-" + lang.code() + ".png");
            Files.deleteIfExists(png);
            Path profile = Files.createDirectories(dir.resolve("chromium-" + lang.code()));
            Run r = run(120, "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                    "--screenshot=" + png, "--window-size=1280,2000", html.toUri().toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(Files.size(png) > 50_000, "a screenshot with content: " + Files.size(png) + " bytes");
            byte[] head = Files.readAllBytes(png);
            assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII));
        }
    }

    private Path render(CheckReport report, String format, Lang lang, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Renderers.require(format).render(report, KB, lang, out);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of("target", "screenshots"));
    }

    private static boolean tool(String path) {
        return Files.isExecutable(Path.of(path));
    }

    private record Run(int exit, String out, String err) {}

    /** Runs a tool with a time limit, reading its output as it goes; the process is ended if it overruns. */
    private static Run run(int seconds, String... command) throws Exception {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish in " + seconds + " s");
        }
        return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The two servers of the seed: a main server (SMTP relaying for anyone, DNS, HTTP, POP3, IDENT)
     * and a login server (FTP, SSH, TELNET open-restricted from outside, IDENT), the owner rating
     * FTP high; a week later IMAP answers too and the relay is closed. Assessed by the real code.
     */
    static final class Fixture {
        static CheckReport report(boolean later) throws IOException {
            Policy policy = PolicyParser.parse("policy.yaml", """
                    hosts:
                      - {name: main server, addresses: [198.19.0.2], ports: [25, 53, 80, 110, 113, 443]}
                      - name: login server
                        addresses: [198.19.0.3]
                        ports: [{port: 21, from: [198.18.1.0/24]}, {port: 22, from: [198.18.1.0/24]}, {port: 23, decoy: true}, 113]
                    overrides:
                      - {service: ftp, risk: high, note: "my view: a stolen FTP password reaches system files and web pages."}
                    """, KB);
            Assessor assessor = new Assessor(KB, policy);
            List<PortReport> main = new ArrayList<>(List.of(
                    open(25, Service.of("smtp", "Postfix smtpd", null, "220 mail.example.net ESMTP Postfix"), later ? List.of()
                            : List.of(new Finding("smtp-open-relay", "smtp-relay", "RCPT TO:<probe@relay-test.example.org> answered 250 2.1.5 Ok"))),
                    open(53, Service.of("dns", "ISC BIND", "9.18.28", null), List.of()),
                    open(80, Service.of("http", "Apache httpd", "2.4.62", "Server: Apache/2.4.62 (Debian)"),
                            List.of(new Finding("http-version-disclosure", "http-headers", "Server: Apache/2.4.62 (Debian)"))),
                    open(110, Service.of("pop3", "Dovecot pop3d", null, "+OK Dovecot (Debian) ready."), List.of()),
                    open(113, Service.of("ident", null, null, null), List.of())));
            if (later) main.add(open(143, Service.of("imap", "Dovecot imapd", null, "* OK Dovecot ready."), List.of()));
            String closed = later ? "1-24,26-52,54-79,81-109,111-112,114-142,144-1024" : "1-24,26-52,54-79,81-109,111-112,114-1024";
            HostReport mainHost = new HostReport(new Target("198.19.0.2", InetAddress.getByName("198.19.0.2")), main,
                    new StateCounts(main.size(), 0, 1024 - main.size(), 0, 0), closed, "", 4200);
            List<PortReport> login = List.of(restricted(21), restricted(22), restricted(23),
                    open(113, Service.of("ident", null, null, null), List.of()));
            HostReport loginHost = new HostReport(new Target("198.19.0.3", InetAddress.getByName("198.19.0.3")), login,
                    new StateCounts(1, 3, 1, 1019, 0), "25", "1-20,24,26-112,114-1024", 9100);
            InetAddress outside = InetAddress.getByName("198.18.0.10");
            List<AssessedHost> hosts = List.of(assessor.assess(mainHost, "outside", outside), assessor.assess(loginHost, "outside", outside));
            RunInfo run = new RunInfo("vantage check 198.19.0.2 198.19.0.3", 1, "1-1024",
                    Instant.parse(later ? "2026-11-27T09:30:00Z" : "2026-11-20T09:30:00Z"), "0.1.0");
            return new CheckReport(run, hosts, new ScanSummary(2, mainHost.counts().plus(loginHost.counts()), 9400, 2100, 52),
                    assessor.checklist(hosts));
        }

        private static PortReport open(int port, Service service, List<Finding> findings) {
            return new PortReport(port, Protocol.TCP, PortState.OPEN, Reason.SYN_ACK, 850, 1, service, findings, List.of());
        }

        private static PortReport restricted(int port) {
            return new PortReport(port, Protocol.TCP, PortState.OPEN_RESTRICTED, Reason.CLOSED_AT_ONCE, 900, 1, null, List.of(), List.of());
        }
    }
}
