/**
 * Reachability: which ports of which addresses answer from where the scan runs. The engine
 * ({@link dev.vantage.scan.TcpScanner}) streams one {@link dev.vantage.scan.PortResult} per
 * port and one {@link dev.vantage.scan.HostResult} per address to a
 * {@link dev.vantage.scan.ScanListener}; nothing grows with the number of closed ports.
 */
@NullMarked
package dev.vantage.scan;

import org.jspecify.annotations.NullMarked;
