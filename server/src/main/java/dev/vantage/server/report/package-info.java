/** Stored canonical results read back into assessed reports. */
@NullMarked
package dev.vantage.server.report;

import org.jspecify.annotations.NullMarked;
