/**
 * The tripwire's tables: runs, events (one per connection to a decoy port), credentials tried at
 * the fake prompts (passwords only as salted hashes), and the summaries reports are built from.
 */
@NullMarked
package dev.vantage.store.decoy;

import org.jspecify.annotations.NullMarked;
