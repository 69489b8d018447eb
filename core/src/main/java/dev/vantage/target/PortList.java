package dev.vantage.target;

import dev.vantage.BadInputException;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A sorted set of distinct TCP/UDP port numbers (1-65535), parsed from text such as
 * {@code 22,80,8000-8100}, {@code -} or {@code all} (every port), or a named set
 * ({@code well-known}). Stored as a sorted {@code int[]} so a scan indexes ports by position.
 */
public final class PortList {
    public static final int MAX_PORT = 65535;

    private final int[] ports;

    private PortList(int[] sortedDistinct) {
        this.ports = sortedDistinct;
    }

    public static PortList of(int... ports) {
        BitSet set = new BitSet(MAX_PORT + 1);
        for (int p : ports) {
            if (p < 1 || p > MAX_PORT) throw new BadInputException("Port " + p + " is out of range; ports are 1-65535.");
            set.set(p);
        }
        return new PortList(sorted(set));
    }

    public static PortList all() {
        int[] p = new int[MAX_PORT];
        for (int i = 0; i < MAX_PORT; i++) p[i] = i + 1;
        return new PortList(p);
    }

    /** Parses a port specification; every mistake is a {@link BadInputException}. */
    public static PortList parse(String spec) {
        String text = spec.trim();
        if (text.isEmpty()) throw new BadInputException("The port list is empty; give ports such as 22,80,8000-8100 or 'all'.");
        BitSet set = new BitSet(MAX_PORT + 1);
        for (String raw : text.split(",", -1)) {
            String token = raw.trim();
            if (token.isEmpty()) {
                throw new BadInputException("The port list '" + spec + "' has an empty entry; remove the extra comma.");
            }
            addToken(set, token, spec);
        }
        return new PortList(sorted(set));
    }

    /**
     * The set bits in order. A plain loop: the stream form walks all 65 535 ports of {@code all}
     * through a spliterator in a JVM that has not compiled any of it yet (~10 ms at a check's start).
     */
    private static int[] sorted(BitSet set) {
        int[] out = new int[set.cardinality()];
        int i = 0;
        for (int p = set.nextSetBit(0); p >= 0; p = set.nextSetBit(p + 1)) out[i++] = p;
        return out;
    }

    private static void addToken(BitSet set, String token, String spec) {
        if (token.equals("-") || token.equalsIgnoreCase("all")) {
            set.set(1, MAX_PORT + 1);
            return;
        }
        if (Character.isLetter(token.charAt(0))) {
            PortList named = NamedPortSets.find(token).orElseThrow(() -> new BadInputException(
                    "Unknown port set '" + token + "'; use numbers, ranges, 'all' or one of: " + NamedPortSets.names() + "."));
            for (int p : named.ports) set.set(p);
            return;
        }
        int dash = token.indexOf('-');
        if (dash < 0) {
            set.set(number(token, spec));
            return;
        }
        String left = token.substring(0, dash).trim();
        String right = token.substring(dash + 1).trim();
        int from = left.isEmpty() ? 1 : number(left, spec);        // "-1024" means 1-1024, as in nmap
        int to = right.isEmpty() ? MAX_PORT : number(right, spec);   // "60000-" means 60000-65535
        if (to < from) throw new BadInputException("The port range '" + token + "' ends before it starts.");
        set.set(from, to + 1);
    }

    private static int number(String text, String spec) {
        if (!text.matches("\\d{1,6}")) {
            throw new BadInputException("'" + text + "' in the port list '" + spec + "' is not a port number.");
        }
        int p = Integer.parseInt(text);
        if (p < 1 || p > MAX_PORT) {
            throw new BadInputException("Port " + p + " is out of range; ports are 1-65535.");
        }
        return p;
    }

    public int size() {
        return ports.length;
    }

    public int get(int index) {
        return ports[index];
    }

    public int[] toArray() {
        return ports.clone();
    }

    public boolean contains(int port) {
        return Arrays.binarySearch(ports, port) >= 0;
    }

    /** Compact text form, e.g. {@code 1-1024,3306}. */
    @Override
    public String toString() {
        return PortRanges.format(ports);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortList other && Arrays.equals(ports, other.ports);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ports);
    }
}
