package dev.vantage.report.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The HTML report as a PDF, laid out by openhtmltopdf with the same markup and style sheet (its
 * paged-media support gives the confidentiality notice and page numbers in every page's footer).
 * Fonts are embedded (subset) from the system, Japanese from a TrueType CJK font; when none is
 * found the PDF says so at the top, in English because Japanese could not be shown.
 * The renderer loads nothing from outside: every external resource is refused.
 */
public final class PdfRenderer implements ReportRenderer {
    /** Families the PDF's style sheet names; each is bound to a font file found on the system. */
    static final String SANS = "vantage-sans";
    static final String MONO = "vantage-mono";
    static final String CJK = "vantage-cjk";

    private final @Nullable PdfFonts fonts;

    /** With the system's fonts, looked up on first use. */
    public PdfRenderer() {
        this.fonts = null;
    }

    PdfRenderer(PdfFonts fonts) {
        this.fonts = fonts;
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public void render(CheckReport report, KnowledgeBase kb, Lang lang, OutputStream out) throws IOException {
        PdfFonts fonts = this.fonts != null ? this.fonts : PdfFonts.system();
        Texts t = new Texts(kb, lang);
        // Said in English: without a Japanese font a Japanese sentence would be invisible.
        String note = fonts.cjk() == null ? kb.message("report.font_missing", Lang.EN) : null;
        String html = new HtmlRenderer().html(report, t, note, true);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withHtmlContent(html, null)
                .withProducer("Vantage")
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withDiagnosticConsumer(d -> { })             // layout warnings are not the user's business
                .toStream(out);
        register(builder, fonts.sans(), SANS, 400);
        register(builder, fonts.sansBold() != null ? fonts.sansBold() : fonts.sans(), SANS, 700);
        register(builder, fonts.mono(), MONO, 400);
        register(builder, fonts.cjk(), CJK, 400);
        register(builder, fonts.cjk(), CJK, 700);             // IPA Gothic has no bold: its regular serves
        try {
            builder.run();
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("cannot lay out the PDF report: " + e.getMessage(), e);
        }
    }

    private static void register(PdfRendererBuilder builder, @Nullable Path font, String family, int weight) {
        if (font != null) builder.useFont(font.toFile(), family, weight, FontStyle.NORMAL, true);
    }
}
