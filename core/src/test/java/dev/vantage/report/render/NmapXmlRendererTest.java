package dev.vantage.report.render;

import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.ReportFixture;
import dev.vantage.report.Samples;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.vantage.report.render.HtmlRendererTest.parse;
import static dev.vantage.report.render.HtmlRendererTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NmapXmlRendererTest {
    private final KnowledgeBase kb = KnowledgeBase.builtin();

    private String render(boolean hostile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NmapXmlRenderer().render(hostile ? ReportFixture.hostile() : ReportFixture.report(), kb, Lang.EN, out);
        Samples.write("report" + (hostile ? "-hostile" : "") + ".xml", out.toByteArray());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void followsTheNmaprunStructure() throws Exception {
        Document doc = parse(render(false));
        assertEquals("nmaprun", doc.getDocumentElement().getTagName());
        assertEquals(List.of("connect"), texts(doc, "/nmaprun/scaninfo/@type"));
        assertEquals(List.of("198.19.0.2", "198.19.0.3"), texts(doc, "/nmaprun/host/address/@addr"));
        assertEquals(List.of("up", "up"), texts(doc, "/nmaprun/host/status/@state"));
        assertEquals(List.of("25", "53", "80", "110", "113"), texts(doc, "/nmaprun/host[1]/ports/port/@portid"));
        assertEquals(List.of("smtp", "domain", "http", "pop3", "ident"), texts(doc, "/nmaprun/host[1]/ports/port/service/@name"));
        assertEquals(List.of("Postfix smtpd"), texts(doc, "/nmaprun/host[1]/ports/port[@portid='25']/service/@product"));
        assertEquals(List.of("1019"), texts(doc, "/nmaprun/host[1]/ports/extraports[@state='closed']/@count"));
        assertEquals(List.of("1-24,26-52,54-79,81-109,111-112,114-1024"), texts(doc, "/nmaprun/host[1]/ports/extraports/extrareasons/@ports"));
        assertEquals(List.of("1019"), texts(doc, "/nmaprun/host[2]/ports/extraports[@state='filtered']/@count"));
        assertEquals(List.of("2"), texts(doc, "/nmaprun/runstats/hosts/@up"));
        assertEquals(List.of("success"), texts(doc, "/nmaprun/runstats/finished/@exit"));
    }

    @Test
    void openRestrictedIsOpenTcpwrappedWithOurStateKept() throws Exception {
        Document doc = parse(render(false));
        String ftp = "/nmaprun/host[2]/ports/port[@portid='21']";
        assertEquals(List.of("open"), texts(doc, ftp + "/state/@state"));
        assertEquals(List.of("syn-ack"), texts(doc, ftp + "/state/@reason"));
        assertEquals(List.of("open-restricted"), texts(doc, ftp + "/state/@vantage_state"));
        assertEquals(List.of("closed-at-once"), texts(doc, ftp + "/state/@vantage_reason"));
        assertEquals(List.of("tcpwrapped"), texts(doc, ftp + "/service/@name"));
        assertTrue(texts(doc, ftp + "/service/@extrainfo").get(0).startsWith("Vantage: open-restricted (closed-at-once)"));
    }

    @Test
    void theVerdictIsInExtrainfoAndTheAssessmentInOneHostScript() throws Exception {
        Document doc = parse(render(false));
        assertEquals(List.of("Vantage: Risk: High; Findings: smtp-open-relay"),
                texts(doc, "/nmaprun/host[1]/ports/port[@portid='25']/service/@extrainfo"));
        assertEquals(List.of("Vantage: open-restricted (closed-at-once); Risk: Medium; Owner's view: High"),
                texts(doc, "/nmaprun/host[2]/ports/port[@portid='21']/service/@extrainfo"));
        assertEquals(0, texts(doc, "//port/script").size(), "no port scripts: ndiff 7.93 fails on them");
        assertEquals(List.of("vantage", "vantage"), texts(doc, "/nmaprun/host/hostscript/script/@id"), "one per host");
        List<String> main = texts(doc, "/nmaprun/host[1]/hostscript/script/@output").get(0).lines().toList();
        assertEquals("main server; Highest risk: High; Checked from: outside", main.get(0));
        assertTrue(main.contains("25/tcp SMTP (mail delivery): Risk High"), main.toString());
        assertTrue(main.stream().anyMatch(l -> l.startsWith("25/tcp Mail server relays mail for anyone [High]: RCPT TO:")), main.toString());
        assertTrue(main.stream().anyMatch(l -> l.startsWith("443/tcp ") && l.endsWith("(closed)")), main.toString());
        List<String> login = texts(doc, "/nmaprun/host[2]/hostscript/script/@output").get(0).lines().toList();
        assertTrue(login.contains("21/tcp FTP (file transfer): Risk Medium; Owner's view: High — " + ReportFixture.FTP_NOTE), login.toString());
        String data = "/nmaprun/host[1]/hostscript/script/table[@key='ports']/table";
        assertEquals(List.of("smtp-open-relay"), texts(doc, data + "[elem[@key='port']='25']/table[@key='findings']/table/elem[@key='id']"));
        assertEquals(List.of("policy-intended-unreachable"), texts(doc, "/nmaprun/host[1]/hostscript/script/table[@key='deviations']/table/elem[@key='kind']"));
    }

    @Test
    void aHostileBannerStaysInsideItsAttribute() throws Exception {
        String xml = render(true);
        Document doc = parse(xml);
        assertEquals(List.of("Apache" + ReportFixture.HOSTILE), texts(doc, "/nmaprun/host[1]/ports/port[@portid='80']/service/@product"));
        assertFalse(xml.contains("\u001b"));
        assertTrue(texts(doc, "/nmaprun/host[1]/hostscript//elem[@key='evidence'][contains(.,'alert')]").get(0)
                .startsWith("Server: " + ReportFixture.HOSTILE), "hostile text stays text");
    }
}
