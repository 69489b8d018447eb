package dev.vantage.tripwire.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseTest {
    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (byte) v[i];
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void telnetCommandsAreDroppedAndDoubledIacIsAByte() {
        byte[] in = b(0xff, 0xfd, 0x01, 'r', 0xff, 0xfa, 0x18, 0x00, 'X', 'T', 0xff, 0xf0, 'o', 0xff, 0xff, 0xff, 0xf1, 't', '\r', 0);
        assertArrayEquals(b('r', 'o', 0xff, 't'), TelnetText.strip(in));
        assertArrayEquals(b('a', '\r', '\n', 'b'), TelnetText.withoutCommands(b('a', '\r', '\n', 0xff, 0xfb, 0x01, 'b')));
        assertArrayEquals(b('a'), TelnetText.strip(b('a', 0xff)));                       // lone IAC at the end
        assertArrayEquals(b('a'), TelnetText.strip(b('a', 0xff, 0xfa, 0x18, 'x')));       // unterminated subnegotiation
        assertArrayEquals(new byte[0], TelnetText.strip(b(0xff, 0xfb)));                 // truncated option
    }

    @Test
    void printableEscapesControlsTerminalSequencesAndInvalidUtf8() {
        assertEquals("GET / HTTP/1.1\\r\\n", Printable.escape(ascii("GET / HTTP/1.1\r\n")));
        assertEquals("\\x1b[2Jx\\x00\\\\", Printable.escape(b(0x1b, '[', '2', 'J', 'x', 0, '\\')));
        assertEquals("ユーザー", Printable.escape("ユーザー".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\\xe3\\x83", Printable.escape(b(0xe3, 0x83)));                    // cut UTF-8
        assertEquals("\\xe2\\x80\\xae", Printable.escape("\u202e".getBytes(StandardCharsets.UTF_8)));  // bidi override
        assertEquals("ab", Printable.escape(ascii("ab\\x"), 3));                          // never half an escape
    }

    @Test
    void theFirstLineIsTheFirstWithVisibleContent() {
        assertEquals("USER root", Printable.firstLine(ascii("\r\n  \r\nUSER root\r\nPASS x\r\n"), 200));
        assertEquals("\\x16\\x03\\x01", Printable.firstLine(b(0x16, 0x03, 0x01), 200));
        assertNull(Printable.firstLine(ascii("\r\n\r\n"), 200));
        assertEquals(10, Printable.firstLine(ascii("x".repeat(500)), 10).length());
    }

    @Test
    void formQueryAndJsonPasswordsAreCutOutAndTheUserKept() {
        FormSecrets.Redaction r = FormSecrets.redact("GET /login.cgi?username=admin&password=p%40ss&x=1 HTTP/1.1");
        assertEquals("GET /login.cgi?username=admin&password=[password removed, 4 bytes]&x=1 HTTP/1.1", r.text());
        assertEquals("admin", r.secrets().getFirst().user());
        assertArrayEquals(ascii("p@ss"), r.secrets().getFirst().password());

        FormSecrets.Redaction j = FormSecrets.redact("{\"user\":\"root\",\"passwd\":\"ab\\\"cd\",\"keep\":\"me\"}");
        assertEquals("{\"user\":\"root\",\"passwd\":\"[password removed, 6 bytes]\",\"keep\":\"me\"}", j.text());
        assertEquals("root", j.secrets().getFirst().user());

        assertEquals("a=1&b=2", FormSecrets.redact("a=1&b=2").text());
        assertTrue(FormSecrets.redact("a=1&b=2").secrets().isEmpty());
        assertEquals("login_pwd=[password removed, 3 bytes]", FormSecrets.redact("login_pwd=abc").text());
    }

    @Test
    void redactionRunsInLinearTimeOnHostileInput() {
        String hostile = "&pass".repeat(20_000) + "=" + "\"pass\":".repeat(10_000);
        long start = System.nanoTime();
        FormSecrets.redact(hostile);
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "took too long");
    }

    @Test
    void basicAndSmtpCredentialsDecode() {
        Secret basic = HttpBasic.decode(Base64.getEncoder().encodeToString(ascii("admin:1234"))).orElseThrow();
        assertEquals("admin", basic.user());
        assertArrayEquals(ascii("1234"), basic.password());
        assertTrue(HttpBasic.decode("!!notbase64!!").isEmpty());

        Secret plain = SmtpAuth.plain(ascii(Base64.getEncoder().encodeToString(ascii("authz\0user\0pw")))).orElseThrow();
        assertEquals("user", plain.user());
        assertArrayEquals(ascii("pw"), plain.password());
        assertTrue(SmtpAuth.plain(ascii(Base64.getEncoder().encodeToString(ascii("no-nul-here")))).isEmpty());
        assertArrayEquals(ascii("not base64!"), SmtpAuth.loginValue(ascii("not base64!")));
    }

    @Test
    void theMarkerNeverContainsWhatItReplaces() {
        assertFalse(Secret.marker(7).contains("7 bytes]x"));
        assertEquals("[password removed, 7 bytes]", Secret.marker(7));
    }
}
