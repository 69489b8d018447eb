/**
 * The built-in UDP probes and their wire formats: each protocol's request builder and a pure,
 * bounded parser of its replies (bytes in, facts out; never throws on hostile input). Checks
 * reuse the builders and parsers for their own questions (SNMP communities, NTP control and
 * monlist queries, memcached stats).
 */
@NullMarked
package dev.vantage.udp.probe;

import org.jspecify.annotations.NullMarked;
