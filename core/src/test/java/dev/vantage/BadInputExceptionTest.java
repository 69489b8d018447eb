package dev.vantage;

import dev.vantage.target.PortList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error messages repeat the user's input; they must stay one short, printable sentence whatever it was. */
class BadInputExceptionTest {
    @Test
    void aShortMessageIsKeptAsItIs() {
        assertEquals("'x' is not a port number.", new BadInputException("'x' is not a port number.").getMessage());
    }

    @Test
    void controlCharactersAreShownEscaped() {
        String m = new BadInputException("'a\nb\u001b[31m' is bad.").getMessage();
        assertEquals("'a\\x0ab\\x1b[31m' is bad.", m);
    }

    @Test
    void aLongQuotedInputIsCutAndTheAdviceKept() {
        String m = assertThrows(BadInputException.class, () -> PortList.parse("1".repeat(5000) + ",80")).getMessage();
        assertTrue(m.length() < 200, m);
        assertTrue(m.endsWith("is not a port number."), m);
        assertTrue(m.contains("1".repeat(60) + "…'"), m);
    }

    @Test
    void aHugeMessageIsCutInTheMiddle() {
        String m = new BadInputException("start " + "x y ".repeat(1000) + " what to do.").getMessage();
        assertEquals(500, m.length());
        assertTrue(m.startsWith("start ") && m.endsWith(" what to do."), m);
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String m = new BadInputException("'" + "a".repeat(59) + "😀".repeat(10) + "' is bad.").getMessage();
        assertTrue(m.startsWith("'" + "a".repeat(59) + "…'"), m);
    }
}
