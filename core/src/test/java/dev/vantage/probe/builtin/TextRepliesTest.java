package dev.vantage.probe.builtin;

import dev.vantage.probe.builtin.TextReplies.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRepliesTest {

    @Test
    void singleLine() {
        Reply r = TextReplies.parse("250 2.1.5 Ok\r\n", false).orElseThrow();
        assertEquals(250, r.code());
        assertEquals(List.of("2.1.5 Ok"), r.texts());
        assertTrue(r.isPositive());
    }

    @Test
    void smtpMultiLineEndsAtCodeAndSpace() {
        Reply r = TextReplies.parse("250-mail.example.org\r\n250-PIPELINING\r\n250 STARTTLS\r\n221 next reply\r\n", false).orElseThrow();
        assertEquals(List.of("mail.example.org", "PIPELINING", "STARTTLS"), r.texts());
    }

    @Test
    void ftpMultiLineAllowsFreeTextInBetween() {
        Reply r = TextReplies.parse("211-Features:\r\n EPRT\r\n AUTH TLS\r\n211 End\r\n", false).orElseThrow();
        assertEquals(211, r.code());
        assertEquals(List.of("Features:", " EPRT", " AUTH TLS", "End"), r.texts());
    }

    @Test
    void aLineWithAnotherCodeDoesNotEndAMultiLineReply() {
        assertTrue(TextReplies.parse("220-hello\r\n250 not the end\r\n", false).isEmpty());
        Reply partial = TextReplies.parse("220-hello\r\n250 not the end\r\n", true).orElseThrow();
        assertEquals(220, partial.code());
        assertEquals(2, partial.lines().size());
    }

    @Test
    void bareCodeIsAReply() {
        assertEquals(220, TextReplies.parse("220\r\n", false).orElseThrow().code());
    }

    @Test
    void notReplies() {
        for (String s : List.of("", "hello", "22", "2200 x", "099 x", "600 x", "abc def", "+OK", "220x")) {
            Optional<Reply> r = TextReplies.parse(s, true);
            assertTrue(r.isEmpty(), () -> "'" + s + "' parsed as " + r);
        }
    }

    @Test
    void longMultiLineIsCutAtTheLineLimit() {
        String text = "220-x\r\n".repeat(TextReplies.MAX_LINES * 3);
        assertFalse(TextReplies.parse(text, false).isPresent());
        assertEquals(TextReplies.MAX_LINES, TextReplies.parse(text, true).orElseThrow().lines().size());
    }

    @Test
    void evidenceIsPrintable() {
        Reply r = TextReplies.parse("250-a\u0001b\r\n250 c\u00ff\r\n", false).orElseThrow();
        assertEquals("250-a\\x01b / 250 c\\xff", r.evidence(100));
    }
}
