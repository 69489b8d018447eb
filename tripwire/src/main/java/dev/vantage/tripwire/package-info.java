/**
 * The tripwire: decoy TCP ports left reachable on purpose, only to see attack attempts. Each
 * connection meets a fake prompt (or silence), is recorded — when, from where, to which port,
 * what the client sent first, which user names it tried; passwords only as salted hashes — and
 * is closed. Events flow through a bounded queue to one writer thread that stores them in
 * batches and appends them to a JSON-lines log. {@link dev.vantage.tripwire.Tripwire} starts it
 * all; {@link dev.vantage.tripwire.report} turns the store into a publishable attack record.
 */
@NullMarked
package dev.vantage.tripwire;

import org.jspecify.annotations.NullMarked;
