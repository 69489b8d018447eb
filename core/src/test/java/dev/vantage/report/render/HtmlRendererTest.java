package dev.vantage.report.render;

import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.ReportFixture;
import dev.vantage.report.Samples;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlRendererTest {
    private final KnowledgeBase kb = KnowledgeBase.builtin();

    private String render(Lang lang, boolean hostile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlRenderer().render(hostile ? ReportFixture.hostile() : ReportFixture.report(), kb, lang, out);
        Samples.write("report-" + lang.code() + (hostile ? "-hostile" : "") + ".html", out.toByteArray());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Parsed as XML: the PDF renderer needs well-formed XHTML, and a parse proves no tag leaked. */
    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent().strip());
        return out;
    }

    @Test
    void theSideBySideTableHasHostColumnsAndTheOwnersViewBesideTheStockRating() throws Exception {
        Document doc = parse(render(Lang.EN, false));
        assertEquals(List.of("Port", "Service", "main server", "login server", "Risk", "Owner's view"),
                texts(doc, "//table[contains(@class,'grid')]/thead/tr/th"));
        List<String> ftp = texts(doc, "//table[contains(@class,'grid')]/tbody/tr[td[1]='21/tcp']/td");
        assertEquals("FTP (file transfer)", ftp.get(1));
        assertEquals("closed", ftp.get(2));
        assertEquals("open-restricted", ftp.get(3));
        assertEquals("Medium", ftp.get(4), "the stock rating stays");
        assertTrue(ftp.get(5).startsWith("ownerHigh"), ftp.get(5));
        assertTrue(ftp.get(5).contains(ReportFixture.FTP_NOTE), "the owner's note beside it");
        assertEquals(List.of("risk risk-medium"), texts(doc, "//table[contains(@class,'grid')]/tbody/tr[td[1]='21/tcp']/td[5]/span/@class"));
        List<String> relay = texts(doc, "//table[contains(@class,'grid')]/tbody/tr[td[1]='25/tcp']/td");
        assertEquals(List.of("open", "closed", "High"), relay.subList(2, 5));
    }

    @Test
    void headerExplanationsFindingsDeviationsAndChecklist() throws Exception {
        String html = render(Lang.EN, false);
        Document doc = parse(html);
        assertEquals("en", doc.getDocumentElement().getAttribute("lang"));
        List<String> notices = texts(doc, "//div[@class='notice']");
        assertTrue(notices.get(0).startsWith("Confidential:"), "notice first");
        assertTrue(html.contains("@bottom-left { content: \"Confidential:"), "and in the print footer");
        assertTrue(texts(doc, "//table[@class='meta']//td").containsAll(List.of("2026-11-20 09:30 UTC", "Level 1 (quick)", "outside")));
        String explanations = String.join("\n", texts(doc, "//div[contains(@class,'block')]"));
        assertTrue(explanations.contains("The standard rating of FTP (file transfer) is High."));
        assertTrue(explanations.contains("Lowered to Medium: the service accepts the connection and refuses it at once"));
        assertTrue(explanations.contains("Raised to High because of the finding “Mail server relays mail for anyone”."));
        assertTrue(explanations.contains("Standard rating: Medium"), "owner's view shown with the stock rating");
        assertTrue(explanations.contains("Lets a user log in and read, upload"), "function from the KB");
        assertTrue(texts(doc, "//pre[@class='evidence']").get(0).startsWith("RCPT TO:<probe@relay-test.example.org>"));
        assertEquals(List.of("443/tcp"), texts(doc, "//section[h2[starts-with(.,'main server')]]//table[@class='list']//td[@class='port']"));
        assertTrue(texts(doc, "//ul[@class='checklist']/li").size() >= 5);
        assertTrue(texts(doc, "//h2").contains("Owner's view"), "the owner's notes section");
    }

    @Test
    void selfContainedWithNothingToLoadOrRun() throws Exception {
        String html = render(Lang.EN, false);
        Document doc = parse(html);
        assertEquals(0, texts(doc, "//*[local-name()='script' or local-name()='link' or local-name()='img' or local-name()='iframe']").size());
        assertEquals(0, texts(doc, "//@src | //@href").size());
        assertFalse(html.contains("url("), "no external resources in the style");
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    }

    @Test
    void manyHostsGetSeveralTables() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlRenderer().render(ReportFixture.many(8), kb, Lang.EN, out);
        Document doc = parse(out.toString(StandardCharsets.UTF_8));
        assertEquals(2, texts(doc, "//table[contains(@class,'grid')]").size(), "6 + 2 hosts");
        assertEquals(List.of("Port", "Service", "web7.example.net", "web8.example.net", "Risk"),
                texts(doc, "(//table[contains(@class,'grid')])[2]/thead/tr/th"));
    }

    @Test
    void japanese() throws Exception {
        Document doc = parse(render(Lang.JA, false));
        assertEquals("ja", doc.getDocumentElement().getAttribute("lang"));
        assertEquals("Vantage セキュリティチェック報告書", texts(doc, "//h1").get(0));
        assertEquals(List.of("ポート", "サービス", "main server", "login server", "危険度", "管理者の見解"),
                texts(doc, "//table[contains(@class,'grid')]/thead/tr/th"));
        List<String> ftp = texts(doc, "//table[contains(@class,'grid')]/tbody/tr[td[1]='21/tcp']/td");
        assertEquals(List.of("閉じている", "接続後に拒否", "中"), ftp.subList(2, 5));
        assertTrue(ftp.get(5).startsWith("管理者高"), ftp.get(5));
        assertTrue(texts(doc, "//div[@class='notice']").get(0).startsWith("取扱注意"));
    }

    @Test
    void aHostileBannerIsTextNotMarkup() throws Exception {
        String html = render(Lang.EN, true);
        Document doc = parse(html);
        assertEquals(0, texts(doc, "//*[local-name()='script']").size());
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;banner&#39;)&lt;/script&gt;"));
        assertFalse(html.contains("\u001b") || html.contains("\u202e"));
        Element pre = (Element) ((NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//pre[@class='evidence'][contains(.,'alert')]", doc, XPathConstants.NODESET)).item(0);
        assertEquals("Server: " + ReportFixture.HOSTILE + "\\x1b[2J\\u202e", pre.getTextContent());
        assertTrue(texts(doc, "//div[contains(@class,'block')]//div").stream().anyMatch(t -> t.contains("Apache" + ReportFixture.HOSTILE)),
                "the product shown as text in the explanation");
    }
}
