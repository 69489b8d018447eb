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

class TextRendererTest {
    private final KnowledgeBase kb = KnowledgeBase.builtin();

    private String render(Lang lang, boolean hostile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextRenderer().render(hostile ? ReportFixture.hostile() : ReportFixture.report(), kb, lang, out);
        Samples.write("report-" + lang.code() + (hostile ? "-hostile" : "") + ".txt", out.toByteArray());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String lineStartingWith(String text, String start) {
        return text.lines().filter(l -> l.stripLeading().startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(start));
    }

    @Test
    void theTableHasOneColumnPerHostAndTheOwnersViewBesideTheStockRating() throws Exception {
        String text = render(Lang.EN, false);
        String header = lineStartingWith(text, "Port  ");
        assertTrue(header.matches("\\s*Port\\s+Service\\s+main server\\s+login server\\s+Risk\\s+Owner's view"), header);
        String ftp = lineStartingWith(text, "21/tcp");
        assertTrue(ftp.matches("\\s*21/tcp\\s+FTP \\(file transfer\\)\\s+closed\\s+open-restricted\\s+Medium\\s+High"), ftp);
        List<String> lines = text.lines().toList();
        String note = lines.get(lines.indexOf(ftp) + 1);
        assertTrue(note.contains("Owner's view: " + ReportFixture.FTP_NOTE.substring(0, 30)), note);
        assertTrue(lineStartingWith(text, "25/tcp").matches("\\s*25/tcp\\s+SMTP.*\\s+open\\s+closed\\s+High"), "relay raises SMTP");
        assertTrue(lineStartingWith(text, "80/tcp").contains("filtered"), "login's filtered range");
        assertTrue(lineStartingWith(text, "113/tcp").matches(".*open\\s+open\\s+Low"));
    }

    @Test
    void perHostFindingsDeviationsAndChecklist() throws Exception {
        String text = render(Lang.EN, false);
        assertTrue(text.contains("! 25/tcp  Mail server relays mail for anyone  [High]"), text);
        assertTrue(text.contains("Observed: RCPT TO:<probe@relay-test.example.org>"));
        assertTrue(text.contains("What to do: Allow relaying only for your own networks"));
        assertTrue(text.contains("443/tcp  " + kb.finding("policy-intended-unreachable").orElseThrow().in(Lang.EN).title() + ": closed"));
        assertTrue(text.contains("[ ] Let the router's packet filter pass only the ports you really offer"));
        assertTrue(text.indexOf("main server (198.19.0.2)") < text.indexOf("login server (198.19.0.3)"));
        assertTrue(text.lines().allMatch(l -> TerminalText.width(l) <= TextRenderer.WIDTH), "fits 100 columns");
    }

    @Test
    void japaneseReportIsJapaneseAndItsColumnsLineUp() throws Exception {
        String text = render(Lang.JA, false);
        assertTrue(text.startsWith("Vantage セキュリティチェック報告書"));
        assertTrue(text.contains("管理者の見解"));
        assertTrue(text.contains("誰のメールでも中継するメールサーバ"));
        String ftp = lineStartingWith(text, "21/tcp");
        String ssh = lineStartingWith(text, "22/tcp");
        assertEquals(TerminalText.width(ftp.substring(0, ftp.indexOf("接続後に拒否"))),
                TerminalText.width(ssh.substring(0, ssh.indexOf("接続後に拒否"))), "state column aligned in display columns");
        assertTrue(text.lines().allMatch(l -> TerminalText.width(l) <= TextRenderer.WIDTH));
    }

    @Test
    void manyHostsAreSplitIntoTablesThatFit() {
        String text = new TextRenderer().text(ReportFixture.many(5), new Texts(kb, Lang.EN));
        Samples.write("report-many.txt", text.getBytes(StandardCharsets.UTF_8));
        List<String> headers = text.lines().filter(l -> l.stripLeading().startsWith("Port  ")).toList();
        assertEquals(2, headers.size(), "3 + 2 hosts");
        assertTrue(headers.get(0).contains("web3.example.net") && !headers.get(0).contains("web4"));
        assertTrue(text.lines().allMatch(l -> TerminalText.width(l) <= TextRenderer.WIDTH), "fits 100 columns");
        String row = text.lines().filter(l -> l.stripLeading().startsWith("8004/tcp")).findFirst().orElseThrow();
        assertTrue(row.matches("\\s*8004/tcp\\s+Unidentified service\\s+open\\s+not checked\\s+Medium"), "outside the ranges: " + row);
    }

    @Test
    void aHostileBannerCannotReachTheTerminal() throws Exception {
        String text = render(Lang.EN, true);
        assertFalse(text.contains("\u001b"), "no escape sequence");
        assertFalse(text.contains("\u202e"), "no bidi override");
        assertTrue(text.contains("Observed: Server: " + ReportFixture.HOSTILE + "\\x1b[2J\\u202e"), text);
    }
}
