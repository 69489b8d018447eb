/**
 * Pure functions over what decoy clients send: TELNET command stripping, printable escaping,
 * finding and cutting out secrets (HTTP Basic, form and JSON password fields, SMTP AUTH). Bytes
 * in, values out; they never throw on hostile input, so they can be fuzzed and replayed.
 */
@NullMarked
package dev.vantage.tripwire.parse;

import org.jspecify.annotations.NullMarked;
