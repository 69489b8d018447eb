package dev.vantage.target;

import dev.vantage.BadInputException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A last fence before the scanners send anything: when the system property
 * {@value #PROPERTY} lists address blocks (the test suites set it to loopback), a target outside
 * them stops the scan before its first packet. Without the property every target passes; the
 * command's own checks (target syntax, --max-targets) are elsewhere. It exists because a test
 * that means to exercise bad input can, by one wrong number, turn into a real scan from the
 * machine's own network; with the fence that mistake fails the test instead.
 */
public final class TargetFence {
    public static final String PROPERTY = "vantage.only-targets";

    private record Block(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) return false;
            int whole = prefix / 8, rest = prefix % 8;
            for (int i = 0; i < whole; i++) if (a[i] != network[i]) return false;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[whole] & mask) == (network[whole] & mask);
        }
    }

    private TargetFence() {
    }

    /** Throws {@link BadInputException} when a target lies outside the blocks the property allows. */
    public static void check(List<Target> targets) {
        String setting = System.getProperty(PROPERTY);
        if (setting == null || setting.isBlank()) return;
        List<Block> blocks = parse(setting);
        for (Target t : targets) {
            if (blocks.stream().noneMatch(b -> b.contains(t.address()))) {
                throw new BadInputException("Refusing to scan " + t.address().getHostAddress() + ": this process may only scan "
                        + setting.strip() + " (" + PROPERTY + ").");
            }
        }
    }

    private static List<Block> parse(String setting) {
        List<Block> blocks = new ArrayList<>();
        for (String part : setting.split(",")) {
            String p = part.strip();
            int slash = p.indexOf('/');
            try {
                InetAddress network = InetAddress.getByName(slash < 0 ? p : p.substring(0, slash));   // literals only: no lookup
                int bits = network.getAddress().length * 8;
                int prefix = slash < 0 ? bits : Integer.parseInt(p.substring(slash + 1));
                if (prefix < 0 || prefix > bits || !Character.isDigit(p.charAt(0)) && p.charAt(0) != ':' && p.charAt(0) != '[') {
                    throw new IllegalStateException(PROPERTY + ": not an address block: " + p);
                }
                blocks.add(new Block(network.getAddress(), prefix));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalStateException(PROPERTY + ": not an address block: " + p, e);
            }
        }
        return blocks;
    }
}
