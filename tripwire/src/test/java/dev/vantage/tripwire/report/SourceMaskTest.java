package dev.vantage.tripwire.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceMaskTest {
    @Test
    void masksTheHostPart() {
        assertEquals("203.0.113.x", SourceMask.mask("203.0.113.77"));
        assertEquals("2001:db8:1::/48", SourceMask.mask("2001:db8:1:2::7"));
        assertEquals("2001:db8:0::/48", SourceMask.mask("2001:db8::1"));
        assertEquals("0:0:0::/48", SourceMask.mask("::1"));
        assertEquals("?", SourceMask.mask("not-an-address"));
        assertEquals("?", SourceMask.mask("1:2:3"));
        assertEquals("?", SourceMask.mask("10.0.0"));
    }
}
