package dev.vantage.server.proof;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostNamesTest {
    @Test
    void acceptsOneNameOrOneAddressInCanonicalForm() {
        assertEquals(Optional.of("mail.example.org"), HostNames.normalise("  Mail.Example.ORG. "));
        assertEquals(Optional.of("203.0.113.5"), HostNames.normalise("203.0.113.5"));
        assertEquals(Optional.of("2001:db8::1"), HostNames.normalise("[2001:DB8:0:0:0:0:0:1]"));
        assertEquals(Optional.of("localhost"), HostNames.normalise("localhost"));
    }

    @Test
    void refusesEverythingElse() {
        for (String bad : new String[] {"", " ", "198.18.0.0/24", "1.2.3", "256.1.1.1", "a b", "http://x.org/", "x..org",
                "-x.org", "x_y.org", "1.2.3.4-9", "user@host", "x".repeat(254), "\u0000", "exa\u202emple.org", "::g"}) {
            assertEquals(Optional.empty(), HostNames.normalise(bad), bad);
        }
    }
}
