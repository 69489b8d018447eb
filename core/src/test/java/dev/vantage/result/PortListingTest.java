package dev.vantage.result;

import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.Target;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A full listing is handed on as it is, and its answering ports stand in for a pass over it. */
class PortListingTest {
    private static PortReport port(int number, Protocol protocol, PortState state) {
        return new PortReport(number, protocol, state, Reason.CONN_REFUSED, 40, 1, null, List.of(), List.of());
    }

    private final PortReport closed1 = port(1, Protocol.TCP, PortState.CLOSED);
    private final PortReport open22 = port(22, Protocol.TCP, PortState.OPEN);
    private final PortReport filtered23 = port(23, Protocol.TCP, PortState.FILTERED);
    private final PortReport udp53 = port(53, Protocol.UDP, PortState.OPEN_FILTERED);

    @Test
    void aReportKeepsTheListingAndItsAnsweringPortsAreWhatTheFilterWouldKeep() throws Exception {
        PortListing listing = PortListing.of(new PortReport[] {closed1, open22, filtered23, udp53}, List.of(open22, udp53));
        assertEquals(List.of(closed1, open22, filtered23, udp53), listing);
        Target t = new Target("127.0.0.1", InetAddress.getByName("127.0.0.1"));
        HostReport report = new HostReport(t, listing, StateCounts.ZERO, "1", "23", 5);
        assertSame(listing, report.ports(), "not copied");
        HostReport answering = report.withoutQuietTcpPorts();
        assertEquals(List.of(open22, udp53), answering.ports());
        // the same as the filter over an ordinary list, and equal as reports
        HostReport plain = new HostReport(t, List.of(closed1, open22, filtered23, udp53), StateCounts.ZERO, "1", "23", 5);
        assertEquals(plain.withoutQuietTcpPorts().ports(), answering.ports());
        assertEquals(plain, report);
    }

    @Test
    void isImmutable() {
        PortListing listing = PortListing.of(new PortReport[] {closed1, open22}, List.of(open22));
        assertThrows(UnsupportedOperationException.class, () -> listing.set(0, open22));
        assertThrows(UnsupportedOperationException.class, () -> listing.add(open22));
        assertThrows(UnsupportedOperationException.class, () -> listing.answering().add(closed1));
    }

    @Test
    void answeringPortsThatDoNotMatchTheListingAreRefused() {
        // Surefire runs with assertions on: a listing whose answering ports are wrong is a bug caught here.
        assertThrows(AssertionError.class, () -> PortListing.of(new PortReport[] {closed1, open22}, List.of()));
        assertThrows(AssertionError.class, () -> PortListing.of(new PortReport[] {closed1, open22}, List.of(closed1)));
    }
}
