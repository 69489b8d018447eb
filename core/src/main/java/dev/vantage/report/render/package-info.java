/**
 * Report formats rendered from an assessed check report: the terminal text with the side-by-side
 * table, one self-contained HTML file, PDF from the same HTML, nmap-compatible XML and CSV; all
 * listed in {@link dev.vantage.report.render.Renderers}. Text from the scanned servers reaches
 * every format through {@link dev.vantage.report.render.Printable}.
 */
@NullMarked
package dev.vantage.report.render;

import org.jspecify.annotations.NullMarked;
