/**
 * Getting events out of the connection threads without ever blocking them: a bounded queue, one
 * writer thread that stores batches (bursts of refused connections folded into one row each) and
 * appends them to a JSON-lines log, and a counter of what could not be recorded.
 */
@NullMarked
package dev.vantage.tripwire.record;

import org.jspecify.annotations.NullMarked;
