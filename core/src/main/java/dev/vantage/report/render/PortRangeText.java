package dev.vantage.report.render;

/** Reads the compact port ranges of a host report ({@code 1-20,23,26-1024}). */
final class PortRangeText {
    private PortRangeText() {}

    /** Whether the port lies in one of the ranges; malformed parts (a damaged saved file) count as not containing it. */
    static boolean contains(String ranges, int port) {
        if (ranges.isBlank()) return false;
        for (String r : ranges.split(",", 65536)) {
            String t = r.strip();
            int dash = t.indexOf('-');
            int from = number(dash < 0 ? t : t.substring(0, dash));
            int to = dash < 0 ? from : number(t.substring(dash + 1));
            if (from >= 0 && to >= 0 && port >= from && port <= to) return true;
        }
        return false;
    }

    private static int number(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) return -1;
        return Integer.parseInt(text);
    }
}
