/**
 * The attack record: what the tripwire saw in a period (attempts per port, per day, per source,
 * user names tried, what clients sent first, when it watched), read from the store and rendered
 * as text, JSON, or a self-contained HTML page with inline SVG charts for publishing. Source
 * addresses can be masked (203.0.113.x) for publication.
 */
@NullMarked
package dev.vantage.tripwire.report;

import org.jspecify.annotations.NullMarked;
