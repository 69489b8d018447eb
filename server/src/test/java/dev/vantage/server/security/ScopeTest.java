package dev.vantage.server.security;

import dev.vantage.target.Cidr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeTest {
    private static InetAddress a(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
            "198.18.0.1", "198.19.255.255", "192.0.2.1", "203.0.113.9", "224.0.0.1", "255.255.255.255", "::1", "::",
            "fe80::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "::ffff:127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::1"})
    void reservedRangesAreRefusedByDefault(String address) throws Exception {
        assertFalse(Scope.publicOnly().permits(a(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"})
    void publicAddressesArePermitted(String address) throws Exception {
        assertTrue(Scope.publicOnly().permits(a(address)), address);
    }

    @Test
    void theOperatorAllowsAndDeniesAndDenialWins() throws Exception {
        Scope s = new Scope(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("198.18.0.0/15")),
                List.of(Cidr.parse("127.0.0.66/32"), Cidr.parse("8.8.8.0/24")));
        assertTrue(s.permits(a("127.0.0.1")));
        assertTrue(s.permits(a("198.19.0.2")));
        assertFalse(s.permits(a("127.0.0.66")));
        assertFalse(s.permits(a("8.8.8.8")));
        assertFalse(s.permits(a("10.0.0.1")));
        assertTrue(s.permits(a("1.1.1.1")));
        assertTrue(s.refusal(a("127.0.0.66")).orElseThrow().contains("127.0.0.66/32"));
    }
}
