/**
 * UDP scanning with protocol payloads. UDP has no handshake: a port is <em>open</em> only when a
 * service answers, <em>closed</em> when the host sends ICMP port-unreachable (read through a
 * connected datagram channel), and <em>open|filtered</em> when nothing comes back after the
 * retries. A silent service only answers a request it understands, so each well-known port gets
 * the payload of its protocol ({@link dev.vantage.udp.UdpProbe}); the reply also identifies the
 * service.
 *
 * <pre>{@code
 * Map<Target, List<UdpPortResult>> r = new UdpScanner(UdpScanConfig.defaults()).scan(targets, UdpPorts.KEY);
 * }</pre>
 */
@NullMarked
package dev.vantage.udp;

import org.jspecify.annotations.NullMarked;
