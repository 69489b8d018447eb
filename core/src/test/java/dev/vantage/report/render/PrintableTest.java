package dev.vantage.report.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrintableTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "220 mail ESMTP|220 mail ESMTP",
        "a\u001b[31mred|a\\x1b[31mred",
        "nul\u0000byte|nul\\x00byte",
        "del\u007f|del\\x7f",
        "c1\u0085|c1\\x85",
        "bidi\u202eevil|bidi\\u202eevil",
        "zero\u200bwidth|zero\\u200bwidth",
        "bom\ufeff|bom\\ufeff",
        "日本語のバナー|日本語のバナー",
        "emoji \uD83D\uDE00 ok|emoji \uD83D\uDE00 ok",
        "lone \uD800 surrogate|lone \\ud800 surrogate",
        "nonchar \uffff|nonchar \\uffff",
    })
    void invisibleAndDangerousCharactersBecomeVisible(String in, String expected) {
        assertEquals(expected, Printable.clean(in));
    }

    @Test
    void lineBreaksAreNormalisedAndLengthIsBounded() {
        assertEquals("a\nb\nc", Printable.clean("a\r\nb\rc"));
        assertEquals("a b", Printable.oneLine("a\nb"));
        String huge = "x".repeat(100_000);
        assertEquals(Printable.MAX_CHARS + 1, Printable.clean(huge).length());
        assertTrue(Printable.clean(huge).endsWith("…"));
    }

    @Test
    void htmlEscapesEveryMarkupCharacter() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;&amp;&#39;y&#39;)&lt;/script&gt;", Printable.html("<script>alert(\"x\"&'y')</script>"));
    }
}
