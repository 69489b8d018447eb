package dev.vantage.report.render;

import dev.vantage.assess.CheckReport;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns an assessed {@link CheckReport} into one output format. Renderers read only the report
 * and the knowledge base (for texts in the chosen language); they never scan or assess.
 * Implementations are stateless and thread-safe.
 */
public interface ReportRenderer {
    /** The format's name on the command line: text, html, pdf, xml, csv. */
    String format();

    void render(CheckReport report, KnowledgeBase kb, Lang lang, OutputStream out) throws IOException;
}
