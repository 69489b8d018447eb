package dev.vantage.report.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalTextTest {
    @Test
    void japaneseTakesTwoColumns() {
        assertEquals(4, TerminalText.width("open"));
        assertEquals(12, TerminalText.width("接続後に拒否"));
        assertEquals(9, TerminalText.width("FTP(転送)"));
        assertEquals(11, TerminalText.width("FTP（転送）"));
        assertEquals("閉じている  |", TerminalText.pad("閉じている", 12) + "|");
    }

    @Test
    void wrapsLatinAtSpacesAndJapaneseAnywhereButBeforeClosingPunctuation() {
        assertEquals(List.of("one two", "three"), TerminalText.wrap("one two three", 8));
        List<String> ja = TerminalText.wrap("サーバの弱点が記されています。他人の目に触れない場所に保管してください。", 20);
        assertTrue(ja.stream().allMatch(l -> TerminalText.width(l) <= 20), ja.toString());
        assertTrue(ja.stream().noneMatch(l -> l.startsWith("。") || l.startsWith("、")), ja.toString());
        assertEquals(List.of("abcdefgh", "ij"), TerminalText.wrap("abcdefghij", 8), "a long word is cut");
        assertEquals(List.of("a", "", "b"), TerminalText.wrap("a\n\nb", 8));
    }
}
