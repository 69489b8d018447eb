/** Report formats rendered from an assessed check report: text, HTML, PDF, nmap XML, CSV, and diffs. */
@NullMarked
package dev.vantage.report.render;

import org.jspecify.annotations.NullMarked;
