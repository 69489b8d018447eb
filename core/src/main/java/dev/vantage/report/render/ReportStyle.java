package dev.vantage.report.render;

import dev.vantage.assess.Lang;

/**
 * The report's one style sheet, inline in every HTML report. Written for two engines: browsers
 * (screen and print) and openhtmltopdf (CSS 2.1 with paged media: no flexbox, grid or custom
 * properties), so it uses tables and plain colours only. Calm on purpose: one accent colour per
 * risk level, everything else in greys.
 */
final class ReportStyle {
    private ReportStyle() {}

    /**
     * Japanese fonts first for Japanese, so kana, kanji and Latin letters come from one family.
     * For the PDF, the families the PDF renderer embeds ({@link PdfRenderer#SANS}, ...) come first.
     */
    static String fonts(Lang lang, boolean forPdf) {
        String latin = (forPdf ? PdfRenderer.SANS + ", " : "") + "\"Noto Sans\", \"Segoe UI\", \"Helvetica Neue\", \"DejaVu Sans\", Arial";
        String japanese = (forPdf ? PdfRenderer.CJK + ", " : "") + "\"Noto Sans CJK JP\", \"Hiragino Sans\", "
                + "\"Hiragino Kaku Gothic ProN\", \"Yu Gothic\", Meiryo, \"IPAPGothic\", \"IPAGothic\"";
        return (lang == Lang.JA ? japanese + ", " + latin : latin + ", " + japanese) + ", sans-serif";
    }

    static String css(Lang lang, String footer, boolean forPdf) {
        String mono = (forPdf ? PdfRenderer.MONO + ", " + PdfRenderer.CJK + ", " : "")
                + "\"DejaVu Sans Mono\", Menlo, Consolas, monospace, \"IPAGothic\"";
        return """
                @page { size: A4; margin: 16mm 14mm 20mm 14mm;
                  @bottom-left { content: %s; font-family: %s; font-size: 7pt; color: #6b7480;
                                 vertical-align: top; padding-top: 4mm; width: 150mm; }
                  @bottom-right { content: counter(page) " / " counter(pages); font-family: %s; font-size: 7pt;
                                  color: #6b7480; vertical-align: top; padding-top: 4mm; width: 30mm; text-align: right; }
                }
                html { background: #f3f4f6; }
                body { font-family: %s; color: #1f2933; font-size: 10.5pt; line-height: 1.6;
                       max-width: 1040px; margin: 0 auto; padding: 0 0 32px 0; background: #f3f4f6; }
                .paper { background: #ffffff; padding: 28px 40px 36px 40px; border: 1px solid #e3e6ea; }
                h1 { font-size: 19pt; font-weight: 600; margin: 6px 0 14px 0; letter-spacing: 0.01em; }
                h2 { font-size: 13.5pt; font-weight: 600; margin: 34px 0 12px 0; padding-bottom: 5px;
                     border-bottom: 1px solid #e3e6ea; page-break-after: avoid; }
                h3 { font-size: 11.5pt; font-weight: 600; margin: 22px 0 8px 0; page-break-after: avoid; }
                h4 { font-size: 10.5pt; font-weight: 600; margin: 0 0 6px 0; }
                p { margin: 0 0 8px 0; }
                .notice { background: #f7f3e8; border: 1px solid #e8dcb9; color: #5c4a1a; padding: 9px 14px;
                          font-size: 9.5pt; margin: 0 0 18px 0; }
                .muted { color: #6b7480; }
                .small { font-size: 9pt; }
                table { border-collapse: collapse; width: 100%%; -fs-table-paginate: paginate; }
                thead { display: table-header-group; }
                tr { page-break-inside: avoid; }
                th { text-align: left; font-weight: 600; color: #52606d; font-size: 9pt; }
                th.num, td.num { text-align: right; }
                table.meta { width: auto; margin: 0 0 4px 0; }
                table.meta th { padding: 2px 22px 2px 0; vertical-align: top; white-space: nowrap; }
                table.meta td { padding: 2px 0; }
                table.list th { border-bottom: 1px solid #cfd5dc; padding: 6px 10px; white-space: nowrap; }
                table.list td { border-bottom: 1px solid #edf0f3; padding: 7px 10px; vertical-align: top; }
                td.port, span.port { font-family: %s; font-size: 9.5pt; white-space: nowrap; }
                td.state, td.nowrap { white-space: nowrap; }
                .st-open { font-weight: 600; color: #1f2933; }
                .st-open-restricted { color: #8a5a00; }
                .st-closed, .st-filtered, .st-open-filtered { color: #9aa4af; }
                .st-not-scanned { color: #b8c0c8; font-style: italic; }
                td.state::before { content: "\\25CF"; font-size: 7pt; margin-right: 6px; color: #c4cbd3; vertical-align: 1px; }
                td.st-open::before { color: #3b6e8f; }
                td.st-open-restricted::before { color: #d29a2c; }
                .risk { display: inline-block; padding: 0 8px; border-radius: 9px; font-size: 8.5pt; font-weight: 600;
                        white-space: nowrap; line-height: 1.7; border: 1px solid #dde1e6; }
                .risk-high { background: #fbeaea; color: #9b2226; border-color: #efc9c9; }
                .risk-medium { background: #fcf3e1; color: #8a5a00; border-color: #efdcb2; }
                .risk-low { background: #e9f4ee; color: #25613f; border-color: #c6e1d0; }
                .risk-info { background: #eef1f4; color: #52606d; border-color: #dde1e6; }
                .owner-tag { display: inline-block; font-size: 7.5pt; font-weight: 600; color: #4a4f9c;
                             border: 1px solid #c9cbeb; border-radius: 3px; padding: 0 5px; margin-right: 5px;
                             text-transform: uppercase; letter-spacing: 0.04em; line-height: 1.6; }
                td.owner { border-left: 2px solid #c9cbeb; }
                th.owner-col { width: 32%%; }
                .owner-note { color: #3d4251; font-size: 9.5pt; margin-top: 3px; }
                .legend { font-size: 9pt; color: #52606d; margin: 10px 0 0 0; }
                .legend td { padding: 1px 10px 1px 0; vertical-align: top; }
                .legend td.state { padding-right: 14px; }
                .block { border: 1px solid #e3e6ea; border-radius: 4px; padding: 14px 18px; margin: 0 0 14px 0; }
                .block h3 { margin-top: 0; }
                .owner-inline { margin-left: 6px; }
                .block.high { border-left: 4px solid #c75050; }
                .block.medium { border-left: 4px solid #d29a2c; }
                .block.low { border-left: 4px solid #5f9c78; }
                .block.info { border-left: 4px solid #9aa4af; }
                table.facts th { width: 150px; padding: 4px 14px 4px 0; vertical-align: top; }
                table.facts td { padding: 4px 0; vertical-align: top; }
                ul { margin: 0; padding-left: 18px; }
                li { margin: 0 0 3px 0; }
                pre.evidence { font-family: %s; font-size: 8.5pt; background: #f6f7f9; border: 1px solid #e3e6ea;
                               padding: 7px 10px; margin: 2px 0 10px 0; white-space: pre-wrap; word-wrap: break-word;
                               overflow-wrap: anywhere; }
                .label { font-size: 8.5pt; font-weight: 600; color: #52606d; text-transform: uppercase;
                         letter-spacing: 0.04em; margin: 8px 0 2px 0; }
                ul.checklist { list-style: none; padding-left: 0; }
                ul.checklist li { padding-left: 26px; margin: 0 0 8px 0; position: relative; page-break-inside: avoid; }
                .box { position: absolute; left: 2px; top: 4px; width: 11px; height: 11px; border: 1.5px solid #8a95a1;
                       border-radius: 2px; }
                .addr { font-weight: 400; color: #6b7480; font-size: 10.5pt; margin-left: 8px; }
                .host { page-break-before: always; }
                footer.notice { margin: 34px 0 0 0; }
                @media screen { body { padding: 28px 24px 40px 24px; } .paper { box-shadow: 0 1px 3px rgba(15, 23, 42, 0.05); } }
                @media print { html, body { background: #ffffff; } body { max-width: none; padding: 0; font-size: 9.5pt; }
                               .paper { border: none; padding: 0; }
                               * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
                """.formatted(cssString(footer), fonts(lang, forPdf), fonts(lang, forPdf), fonts(lang, forPdf), mono, mono)
                + (forPdf ? PDF : "");
    }

    /**
     * For openhtmltopdf, whose table layout is simpler than a browser's: smaller table text, no
     * state dots (it would break the line between dot and word), labels that never wrap.
     */
    private static final String PDF = """
            td.state::before { content: none; }
            table.grid th, table.grid td { font-size: 8.5pt; padding: 5px 7px; }
            table.grid { table-layout: fixed; }
            table.grid th.port-col { width: 10%; }
            table.grid th.service-col { width: 24%; }
            table.grid th.risk-col { width: 10%; }
            table.grid th.owner-col { width: 28%; }
            .owner-tag, .risk { white-space: nowrap; }
            """;

    /** A CSS string literal; nothing in it can end the string or the style element. */
    static String cssString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : Printable.oneLine(text).toCharArray()) {
            if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20) {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
