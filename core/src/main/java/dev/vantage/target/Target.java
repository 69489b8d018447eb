package dev.vantage.target;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One address to check, with the name the user gave for it (a hostname, or the literal itself).
 */
public record Target(String name, InetAddress address) {

    public Target {
        if (name.isBlank()) throw new IllegalArgumentException("target name is blank");
    }

    /** The address as text without any hostname part or brackets, e.g. {@code 198.18.0.1}, {@code ::1}. */
    public String addressText() {
        return address instanceof Inet6Address ? compressedIpv6(address.getAddress()) : address.getHostAddress();
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of zero groups (2+) as "::". */
    static String compressedIpv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!s.isEmpty() && s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    @Override
    public String toString() {
        return name.equals(addressText()) ? name : name + " (" + addressText() + ")";
    }
}
