package dev.vantage.report.render;

import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.ReportFixture;
import dev.vantage.report.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRendererTest {
    private final KnowledgeBase kb = KnowledgeBase.builtin();

    private String render(Lang lang, boolean hostile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvRenderer().render(hostile ? ReportFixture.hostile() : ReportFixture.report(), kb, lang, out);
        Samples.write("report-" + lang.code() + (hostile ? "-hostile" : "") + ".csv", out.toByteArray());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneRowPerHostPortAndFinding() throws Exception {
        String csv = render(Lang.EN, false);
        List<String> lines = csv.lines().toList();
        assertTrue(csv.endsWith("\r\n"));
        assertEquals(String.join(",", CsvRenderer.HEADER), lines.get(0));
        assertEquals(1 + 5 + 4, lines.size(), "5 ports on main (two with one finding each), 4 on login");
        assertTrue(lines.contains("main server,198.19.0.2,25,tcp,open,syn-ack,smtp,SMTP (mail delivery),Postfix smtpd,,high,,,"
                + "smtp-open-relay,Mail server relays mail for anyone,high,,,RCPT TO:<probe@relay-test.example.org> after "
                + "MAIL FROM:<vantage@vantage.invalid> answered 250 2.1.5 Ok; the message was not sent (no DATA)."), csv);
        String ftp = lines.stream().filter(l -> l.startsWith("login server,198.19.0.3,21,")).findFirst().orElseThrow();
        assertEquals("login server,198.19.0.3,21,tcp,open-restricted,closed-at-once,ftp,FTP (file transfer),,,medium,high,\""
                + ReportFixture.FTP_NOTE + "\",,,,,,", ftp, "stock rating and the owner's, side by side");
    }

    @Test
    void japaneseHasAByteOrderMarkForSpreadsheets() throws Exception {
        String csv = render(Lang.JA, false);
        assertTrue(csv.startsWith("\ufeffhost,address,"));
        assertTrue(csv.contains("誰のメールでも中継するメールサーバ"));
    }

    @Test
    void cellsAreQuotedAndDefusedAgainstFormulas() throws Exception {
        assertEquals("'=HYPERLINK(\"\"x\"\")", CsvRenderer.cell("=HYPERLINK(\"x\")").replaceFirst("^\"", "").replaceFirst("\"$", ""));
        assertEquals("\"a,b\"", CsvRenderer.cell("a,b"));
        assertEquals("'@SUM(1)", CsvRenderer.cell("@SUM(1)"));
        assertEquals("-1", CsvRenderer.cell("-1"));
        assertEquals("line one line two", CsvRenderer.cell("line one\r\nline two"));
        String csv = render(Lang.EN, true);
        assertFalse(csv.contains("\u001b"));
        assertEquals(1 + 5 + 4, csv.lines().count(), "no row broken by the banner");
    }
}
