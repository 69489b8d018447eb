/** The machinery of the TCP engine: timing, congestion, pacing, scheduling, selector lanes. Not API. */
@NullMarked
package dev.vantage.scan.internal;

import org.jspecify.annotations.NullMarked;
