/**
 * What changed between two checks of the same hosts: ports that answer now or no longer, state
 * and software changes, findings new and resolved, risk changes; as text and as JSON.
 */
@NullMarked
package dev.vantage.report.diff;

import org.jspecify.annotations.NullMarked;
