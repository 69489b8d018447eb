package dev.vantage.server.security;

import dev.vantage.target.Cidr;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrustedProxiesTest {
    private static final TrustedProxies PROXIES = new TrustedProxies(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32")));

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() throws Exception {
        assertEquals(ip("10.0.0.1"), TrustedProxies.none().client(ip("10.0.0.1"), List.of("198.51.100.7")));
    }

    @Test
    void anUntrustedPeerCannotNameAClient() throws Exception {
        assertEquals(ip("192.0.2.1"), PROXIES.client(ip("192.0.2.1"), List.of("198.51.100.7")));
    }

    @Test
    void theRightmostUntrustedHopIsTheClient() throws Exception {
        assertEquals(ip("198.51.100.7"), PROXIES.client(ip("10.0.0.1"), List.of("203.0.113.5, 198.51.100.7, 10.0.0.2")));
        assertEquals(ip("198.51.100.7"), PROXIES.client(ip("10.0.0.1"), List.of("203.0.113.5", "198.51.100.7")), "several header lines");
        assertEquals(ip("2001:db9::1"), PROXIES.client(ip("2001:db8::5"), List.of("[2001:db9::1]")));
    }

    @Test
    void garbageStopsTheWalkAtTheHopThatAddedIt() throws Exception {
        assertEquals(ip("10.0.0.2"), PROXIES.client(ip("10.0.0.1"), List.of("evil.example, 10.0.0.2")));
        assertEquals(ip("10.0.0.1"), PROXIES.client(ip("10.0.0.1"), List.of("999.1.1.1")));
        assertEquals(ip("10.0.0.1"), PROXIES.client(ip("10.0.0.1"), List.of()));
    }

    @Test
    void aPaddedChainIsCutAfterSixteenHops() throws Exception {
        List<String> hops = new ArrayList<>(List.of("198.51.100.7"));
        hops.addAll(Collections.nCopies(20, "10.9.9.9"));
        assertEquals(ip("10.9.9.9"), PROXIES.client(ip("10.0.0.1"), List.of(String.join(",", hops))));
    }
}
