/**
 * DNS messages: a small codec (queries out, replies in — pure functions, safe on hostile bytes)
 * and DNS over TCP through a bounded {@link dev.vantage.probe.Connection}. Only what the probe and
 * the checks need: header flags, questions, and the record types they read (A, AAAA, NS, CNAME,
 * SOA, PTR, TXT).
 */
@NullMarked
package dev.vantage.probe.dns;

import org.jspecify.annotations.NullMarked;
