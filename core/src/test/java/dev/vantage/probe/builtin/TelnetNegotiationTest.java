package dev.vantage.probe.builtin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelnetNegotiationTest {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    @Test
    void splitsCommandsFromText() {
        // IAC DO TERMINAL-TYPE, "a", IAC IAC (a literal 0xff), IAC SB 24 1 IAC SE, "b", IAC WILL ECHO
        TelnetNegotiation.Parsed p = TelnetNegotiation.parse(bytes(0xff, 0xfd, 24, 'a', 0xff, 0xff, 0xff, 0xfa, 24, 1, 0xff, 0xf0, 'b', 0xff, 0xfb, 1));
        assertEquals("DO TERMINAL-TYPE, WILL ECHO", p.describe(10));
        assertArrayEquals(bytes('a', 0xff, 'b'), p.text());
    }

    @Test
    void refusesEveryOptionOnce() {
        TelnetNegotiation.Parsed p = TelnetNegotiation.parse(bytes(0xff, 0xfd, 24, 0xff, 0xfb, 1, 0xff, 0xfd, 24, 0xff, 0xfe, 5));
        assertArrayEquals(bytes(0xff, 0xfc, 24, 0xff, 0xfe, 1), TelnetNegotiation.refuseAll(p.commands()));
    }

    @Test
    void truncatedSequencesEndQuietly() {
        assertEquals(0, TelnetNegotiation.parse(bytes(0xff)).commands().size());
        assertEquals(0, TelnetNegotiation.parse(bytes(0xff, 0xfd)).commands().size());
        assertEquals(0, TelnetNegotiation.parse(bytes(0xff, 0xfa, 1, 2, 3)).text().length);
    }

    @Test
    void recognisesTheStartOfNegotiation() {
        assertTrue(TelnetNegotiation.startsWithNegotiation(bytes(0xff, 0xfb, 37)));
        assertFalse(TelnetNegotiation.startsWithNegotiation(bytes(0xff)));
        assertFalse(TelnetNegotiation.startsWithNegotiation("login: ".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void findsLoginPrompts() {
        assertEquals("mail login:", TelnetProbe.loginPrompt("Debian GNU/Linux 12\r\nmail login: "));
        assertEquals("Username:", TelnetProbe.loginPrompt("\r\nUser Access Verification\r\n\r\nUsername: "));
        assertEquals(null, TelnetProbe.loginPrompt("Welcome\r\n"));
    }
}
