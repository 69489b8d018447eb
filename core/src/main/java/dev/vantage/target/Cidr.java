package dev.vantage.target;

import dev.vantage.BadInputException;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A network in CIDR form ({@code 198.18.1.0/24}, {@code 2001:db8::/32}); a bare address is a /32 or /128.
 * Used by the target fence, the owner's policy and the service's scopes.
 */
public record Cidr(InetAddress network, int prefix) {

    public static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        if (!addr.matches("[0-9A-Fa-f:.]+") || (addr.indexOf(':') < 0 && !addr.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            throw new BadInputException("'" + text + "' is not a network; write e.g. 198.18.1.0/24 or 2001:db8::/48.");
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(addr);
        } catch (UnknownHostException e) {
            throw new BadInputException("'" + text + "' is not a network; write e.g. 198.18.1.0/24 or 2001:db8::/48.");
        }
        int bits = a.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                throw new BadInputException("'" + text + "' has an invalid prefix length; it must be 0 to " + bits + ".");
            }
            prefix = Integer.parseInt(p);
        }
        return new Cidr(a, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] other = address.getAddress();
        if (net.length != other.length) return false;
        int whole = prefix / 8, rest = prefix % 8;
        for (int i = 0; i < whole; i++) if (net[i] != other[i]) return false;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (net[whole] & mask) == (other[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
