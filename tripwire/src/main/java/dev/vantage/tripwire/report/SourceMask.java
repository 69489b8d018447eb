package dev.vantage.tripwire.report;

import org.jspecify.annotations.Nullable;

/**
 * Source addresses for publication: IPv4 with the last part replaced ({@code 203.0.113.x}), IPv6
 * cut to its /48 ({@code 2001:db8:1::/48}). Enough to show where attacks come from, not which
 * machine.
 */
public final class SourceMask {
    private SourceMask() {}

    /** {@code address} is canonical text as stored; anything else comes back as "?" rather than in clear. */
    public static String mask(String address) {
        if (address.indexOf(':') < 0) {
            int dot = address.lastIndexOf('.');
            if (dot < 0 || address.chars().filter(ch -> ch == '.').count() != 3) return "?";
            return address.substring(0, dot) + ".x";
        }
        String[] groups = expand(address);
        if (groups == null) return "?";
        return strip(groups[0]) + ":" + strip(groups[1]) + ":" + strip(groups[2]) + "::/48";
    }

    /** The eight groups of an IPv6 literal (with "::" expanded), or null when it is not one. */
    private static String @Nullable [] expand(String address) {
        String a = address;
        int percent = a.indexOf('%');
        if (percent >= 0) a = a.substring(0, percent);
        if (a.contains(".")) return null;            // IPv4-mapped forms are stored as IPv4
        String[] out = new String[8];
        int gap = a.indexOf("::");
        String[] head;
        String[] tail;
        if (gap >= 0) {
            head = a.substring(0, gap).isEmpty() ? new String[0] : a.substring(0, gap).split(":");
            tail = a.substring(gap + 2).isEmpty() ? new String[0] : a.substring(gap + 2).split(":");
            if (head.length + tail.length > 7) return null;
        } else {
            head = a.split(":");
            tail = new String[0];
            if (head.length != 8) return null;
        }
        java.util.Arrays.fill(out, "0");
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, 8 - tail.length, tail.length);
        for (String g : out) if (!g.matches("[0-9a-fA-F]{1,4}")) return null;
        return out;
    }

    private static String strip(String group) {
        String g = group.replaceFirst("^0+(?=.)", "");
        return g.toLowerCase(java.util.Locale.ROOT);
    }
}
