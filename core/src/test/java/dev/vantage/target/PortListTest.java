package dev.vantage.target;

import dev.vantage.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortListTest {
    @Test
    void listsAndRangesAreSortedAndDeduplicated() {
        PortList p = PortList.parse("80, 22,8000-8002,22");
        assertEquals("22,80,8000-8002", p.toString());
        assertEquals(5, p.size());
        assertEquals(22, p.get(0));
    }

    @Test
    void everyPortSpellings() {
        assertEquals(65535, PortList.parse("-").size());
        assertEquals(65535, PortList.parse("all").size());
        assertEquals(1024, PortList.parse("-1024").size());
        assertEquals("65000-65535", PortList.parse("65000-").toString());
        assertEquals(PortList.all(), PortList.parse("all"));
        assertEquals(java.util.Arrays.toString(java.util.stream.IntStream.rangeClosed(1, 65535).toArray()),
                java.util.Arrays.toString(PortList.parse("1-65535").toArray()));
    }

    @Test
    void theArrayHoldsEachPortOnceInOrder() {
        assertEquals("[1, 3, 9, 65535]", java.util.Arrays.toString(PortList.parse("9,3,3,1,65535,9").toArray()));
        assertEquals("[7]", java.util.Arrays.toString(PortList.of(7, 7).toArray()));
    }

    @Test
    void wellKnownIsLowPortsPlusCommonServicePorts() {
        PortList w = PortList.parse("well-known");
        for (int p = 1; p <= 1024; p++) assertTrue(w.contains(p), "port " + p);
        for (int p : new int[] {3306, 3389, 5432, 5900, 6379, 8080, 8443, 9200, 11211, 27017}) assertTrue(w.contains(p), "port " + p);
        assertFalse(w.contains(1025));
        assertTrue(w.size() > 1024 && w.size() < 1200, "size " + w.size());
        assertEquals(w, NamedPortSets.wellKnown());
        assertEquals("ssh", NamedPortSets.label(22).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "70000", "65536", "", " ", "22,,80", "80-22", "http", "1-2-3", "22;80", "1e3", "-5-", "9999999"})
    void badPortListsAreOneSentenceErrors(String spec) {
        BadInputException e = assertThrows(BadInputException.class, () -> PortList.parse(spec));
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }
}
