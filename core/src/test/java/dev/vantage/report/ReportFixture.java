package dev.vantage.report;

import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.Assessor;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Policy;
import dev.vantage.assess.PolicyParser;
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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two servers of an always-on line, checked from outside, as in an ISP's level-1 report of
 * 2000: a main server (SMTP, DNS, HTTP, POP3, IDENT) and a login server (FTP and SSH open only
 * to the places the owner works from, so open-restricted from outside; TELNET passed by the
 * router as a decoy and refused by the server; IDENT). The owner disagrees with the stock FTP
 * rating ("ftp: high — my view"); port 443 is meant to answer but does not (a deviation); the
 * mail server relays for strangers. Built through the real {@link Assessor} and policy parser.
 */
public final class ReportFixture {
    public static final String FTP_NOTE = "my view: a stolen FTP password reaches system files and web pages, "
            + "and FTP is the most attacked port in my logs.";
    public static final String HOSTILE = "<script>alert('banner')</script>";

    private ReportFixture() {}

    public static String policy(String ftpNote) {
        return """
                hosts:
                  - name: main server
                    addresses: [198.19.0.2]
                    ports: [25, 53, 80, 110, 113, 443]
                  - name: login server
                    addresses: [198.19.0.3]
                    ports:
                      - {port: 21, from: [198.18.1.0/24]}
                      - {port: 22, from: [198.18.1.0/24]}
                      - {port: 23, decoy: true}
                      - 113
                overrides:
                  - service: ftp
                    risk: high
                    note: "%s"
                  - service: pop3
                    risk: low
                    note: POP3 is what every mail user runs; it is not as risky as TELNET.
                """.formatted(ftpNote.replace("\"", "\\\""));
    }

    /** The check as in the seed, with realistic banners. */
    public static CheckReport report() {
        return report("Apache httpd", "Server: Apache/2.4.62 (Debian)", FTP_NOTE, List.of());
    }

    /** The same check where the web server's banner is hostile markup and escape sequences. */
    public static CheckReport hostile() {
        return report("Apache" + HOSTILE, "Server: " + HOSTILE + "\u001b[2J\u202e", FTP_NOTE, List.of());
    }

    /** The check a week later: one more port on the main server (IMAP, 143) and the relay closed. */
    public static CheckReport later() {
        return report("Apache httpd", "Server: Apache/2.4.62 (Debian)", FTP_NOTE, List.of(143));
    }

    public static CheckReport report(String httpProduct, String httpBanner, String ftpNote, List<Integer> extraMainPorts) {
        KnowledgeBase kb = KnowledgeBase.builtin();
        Policy policy = PolicyParser.parse("policy.yaml", policy(ftpNote), kb);
        Assessor assessor = new Assessor(kb, policy);
        boolean later = !extraMainPorts.isEmpty();

        List<PortReport> main = new ArrayList<>();
        main.add(open(25, Service.of("smtp", "Postfix smtpd", null, "220 mail.example.net ESMTP Postfix (Debian/GNU)"),
                later ? List.of() : List.of(new Finding("smtp-open-relay", "smtp-relay",
                        "RCPT TO:<probe@relay-test.example.org> after MAIL FROM:<vantage@vantage.invalid> answered "
                                + "250 2.1.5 Ok; the message was not sent (no DATA)."))));
        main.add(open(53, Service.of("dns", "ISC BIND", "9.18.28", null), List.of()));
        main.add(open(80, Service.of("http", httpProduct, "2.4.62", httpBanner),
                List.of(new Finding("http-version-disclosure", "http-headers", httpBanner))));
        main.add(open(110, Service.of("pop3", "Dovecot pop3d", null, "+OK Dovecot (Debian) ready."), List.of()));
        main.add(open(113, Service.of("ident", null, null, null), List.of()));
        for (int p : extraMainPorts) main.add(open(p, Service.of("imap", "Dovecot imapd", null, "* OK Dovecot ready."), List.of()));
        main.sort((a, b) -> Integer.compare(a.port(), b.port()));
        String mainClosed = later ? "1-24,26-52,54-79,81-109,111-112,114-142,144-1024" : "1-24,26-52,54-79,81-109,111-112,114-1024";
        HostReport mainHost = new HostReport(new Target("198.19.0.2", address("198.19.0.2")), main,
                new StateCounts(main.size(), 0, 1024 - main.size(), 0, 0), mainClosed, "", 4200);

        List<PortReport> login = List.of(restricted(21), restricted(22), restricted(23),
                open(113, Service.of("ident", null, null, null), List.of()));
        HostReport loginHost = new HostReport(new Target("198.19.0.3", address("198.19.0.3")), login,
                new StateCounts(1, 3, 1, 1019, 0), "25", "1-20,24,26-112,114-1024", 9100);

        InetAddress outside = address("198.18.0.10");
        List<AssessedHost> hosts = List.of(assessor.assess(mainHost, "outside", outside), assessor.assess(loginHost, "outside", outside));
        RunInfo run = new RunInfo("vantage check --policy policy.yaml 198.19.0.2 198.19.0.3", 1, "1-1024",
                Instant.parse(later ? "2026-11-27T09:30:00Z" : "2026-11-20T09:30:00Z"), "0.1.0");
        ScanSummary summary = new ScanSummary(2, mainHost.counts().plus(loginHost.counts()), 9400, 2100, 52);
        return new CheckReport(run, hosts, summary, assessor.checklist(hosts));
    }

    /** A check of many hosts without a policy: web servers on 198.19.1.1, .2, ... */
    public static CheckReport many(int count) {
        KnowledgeBase kb = KnowledgeBase.builtin();
        Assessor assessor = new Assessor(kb, Policy.empty());
        List<AssessedHost> hosts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            List<PortReport> ports = List.of(open(80, Service.of("http", "nginx", "1.22.1", null), List.of()),
                    open(8000 + i, Service.unknown(null), List.of()));
            HostReport h = new HostReport(new Target("web" + i + ".example.net", address("198.19.1." + i)), ports,
                    new StateCounts(2, 0, 1022, 0, 0), "1-79,81-1024", "", 1000);
            hosts.add(assessor.assess(h, null, null));
        }
        RunInfo run = new RunInfo("vantage check 198.19.1.0/28", 2, "1-1024,8000-8100", Instant.parse("2026-11-20T09:30:00Z"), "0.1.0");
        return new CheckReport(run, hosts, new ScanSummary(count, StateCounts.ZERO, 1000, 0, 0), assessor.checklist(hosts));
    }

    private static PortReport open(int port, Service service, List<Finding> findings) {
        return new PortReport(port, Protocol.TCP, PortState.OPEN, Reason.SYN_ACK, 850, 1, service, findings, List.of());
    }

    private static PortReport restricted(int port) {
        return new PortReport(port, Protocol.TCP, PortState.OPEN_RESTRICTED, Reason.CLOSED_AT_ONCE, 900, 1, null, List.of(), List.of());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
