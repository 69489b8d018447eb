package dev.vantage.report.render;

import dev.vantage.BadInputException;

import java.util.List;
import java.util.Optional;

/** The report formats, in one list: the place to look for (and add) a format. */
public final class Renderers {
    private static final List<ReportRenderer> ALL = List.of(new TextRenderer(), new HtmlRenderer(), new PdfRenderer(),
            new NmapXmlRenderer(), new CsvRenderer());

    private Renderers() {}

    /** The renderer for a format name ({@code text}, {@code html}, {@code pdf}, {@code xml}, {@code csv}). */
    public static Optional<ReportRenderer> byFormat(String format) {
        return ALL.stream().filter(r -> r.format().equalsIgnoreCase(format.strip())).findFirst();
    }

    /** As {@link #byFormat}, with the one-sentence error a user sees for an unknown name. */
    public static ReportRenderer require(String format) {
        return byFormat(format).orElseThrow(() -> new BadInputException(
                "Unknown report format '" + format + "'; use " + String.join(", ", formats()) + "."));
    }

    /** The format names, in the order the help text lists them. */
    public static List<String> formats() {
        return ALL.stream().map(ReportRenderer::format).toList();
    }
}
