package dev.vantage.target;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PortRangesTest {

    @Test
    void emptyAndSingle() {
        assertEquals("", PortRanges.format(new int[0]));
        assertEquals("22", PortRanges.format(new int[] {22}));
    }

    @Test
    void oneRangeWhateverItsLength() {
        assertEquals("5-6", PortRanges.format(new int[] {5, 6}));
        assertEquals("1-65535", PortRanges.format(IntStream.rangeClosed(1, 65535).toArray()));
        assertEquals("1024-2047", PortRanges.format(IntStream.range(1024, 2048).toArray()));
    }

    @Test
    void gapsSplitRanges() {
        assertEquals("1-3,7", PortRanges.format(new int[] {1, 2, 3, 7}));
        assertEquals("1,3,5", PortRanges.format(new int[] {1, 3, 5}));
        assertEquals("22,80-81,443", PortRanges.format(new int[] {22, 80, 81, 443}));
        // first and last alone would look like one range of that length: the entries in between decide
        assertEquals("1,3-4", PortRanges.format(new int[] {1, 3, 4}));
    }

    @Test
    void onlyTheCountedPrefix() {
        int[] ports = {10, 11, 12, 40, 41};
        assertEquals("10-12", PortRanges.format(ports, 3));
        assertEquals("10-12,40", PortRanges.format(ports, 4));
        assertEquals("", PortRanges.format(ports, 0));
    }

    @Test
    void agreesWithThePortListItFormats() {
        for (String spec : new String[] {"all", "1-1024", "22,80,8000-8100", "-1024,60000-", "well-known"}) {
            PortList list = PortList.parse(spec);
            assertEquals(list, PortList.parse(list.toString()), spec);
        }
    }
}
