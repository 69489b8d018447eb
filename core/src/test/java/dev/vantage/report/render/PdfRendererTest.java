package dev.vantage.report.render;

import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.ReportFixture;
import dev.vantage.report.Samples;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PdfRendererTest {
    private final KnowledgeBase kb = KnowledgeBase.builtin();

    private byte[] render(PdfRenderer renderer, Lang lang, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(ReportFixture.report(), kb, lang, out);
        Samples.write(name, out.toByteArray());
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static Set<String> fonts(byte[] pdf) throws Exception {
        Set<String> names = new HashSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) names.add(page.getResources().getFont(name).getName());
            }
        }
        return names;
    }

    @Test
    void englishPdfHasTheHostsTheTableAndTheNoticeOnEveryPage() throws Exception {
        byte[] pdf = render(new PdfRenderer(), Lang.EN, "report-en.pdf");
        String text = text(pdf);
        assertTrue(text.contains("Vantage security check report"));
        assertTrue(text.contains("main server") && text.contains("login server"));
        assertTrue(text.contains("open-restricted"));
        assertTrue(text.contains(ReportFixture.FTP_NOTE.substring(0, 25)), "the owner's note");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2);
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(doc.getNumberOfPages());
            last.setEndPage(doc.getNumberOfPages());
            String page = last.getText(doc);
            assertTrue(page.contains("Confidential:"), "footer notice on the last page too");
            assertTrue(page.contains(doc.getNumberOfPages() + " / " + doc.getNumberOfPages()), "page numbers");
        }
    }

    @Test
    void japanesePdfEmbedsAJapaneseFont() throws Exception {
        assumeTrue(PdfFonts.system().cjk() != null, "needs a Japanese TrueType font (fonts-ipafont-gothic, bin/test-packages)");
        byte[] pdf = render(new PdfRenderer(), Lang.JA, "report-ja.pdf");
        String text = text(pdf);
        assertTrue(text.contains("Vantage セキュリティチェック報告書"), text.substring(0, 200));
        assertTrue(text.contains("main server") && text.contains("login server"));
        assertTrue(text.contains("接続後に拒否"));
        assertTrue(text.contains("取扱注意"));
        assertFalse(text.contains("No font with Japanese characters"));
        assertTrue(fonts(pdf).stream().anyMatch(f -> f.contains("IPA") || f.contains("Gothic")), fonts(pdf).toString());
    }

    @Test
    void withoutAJapaneseFontThePdfSaysSoInEnglish() throws Exception {
        byte[] pdf = render(new PdfRenderer(new PdfFonts(null, null, null, null)), Lang.JA, "report-ja-nofont.pdf");
        String text = text(pdf);
        assertTrue(text.contains("No font with Japanese characters was found"), text.substring(0, Math.min(400, text.length())));
        assertTrue(text.contains("main server"), "still a report");
    }

    @Test
    void fontsAreFoundOnlyUnderTheGivenRoots(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("truetype/x"));
        java.nio.file.Files.write(dir.resolve("truetype/x/IPAGP.TTF"), new byte[] {0});
        PdfFonts found = PdfFonts.find(java.util.List.of(dir, dir.resolve("missing")));
        assertTrue(found.cjk() != null && found.cjk().endsWith("IPAGP.TTF"));
        assertTrue(found.sans() == null);
    }
}
