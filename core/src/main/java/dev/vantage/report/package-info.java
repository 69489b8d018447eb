/** Writers of scan results: the canonical JSON result and the terminal text table. */
@NullMarked
package dev.vantage.report;

import org.jspecify.annotations.NullMarked;
