package dev.vantage.target;

/** Writes sorted port numbers as compact ranges: {@code 1,2,3,7} → {@code 1-3,7}. */
public final class PortRanges {
    private PortRanges() {}

    public static String format(int[] sorted) {
        return format(sorted, sorted.length);
    }

    /** Formats the first {@code count} entries of a sorted array. */
    public static String format(int[] sorted, int count) {
        // One range (such as every port, 65 535 entries) needs no walk: the entries are distinct.
        if (count > 1 && sorted[count - 1] - sorted[0] == count - 1) return sorted[0] + "-" + sorted[count - 1];
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < count) {
            int start = sorted[i];
            int end = start;
            while (i + 1 < count && sorted[i + 1] == end + 1) end = sorted[++i];
            if (!out.isEmpty()) out.append(',');
            out.append(start);
            if (end != start) out.append('-').append(end);
            i++;
        }
        return out.toString();
    }
}
