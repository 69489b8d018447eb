package dev.vantage.target;

import dev.vantage.BadInputException;

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

    private TargetFence() {
    }

    /** Throws {@link BadInputException} when a target lies outside the blocks the property allows. */
    public static void check(List<Target> targets) {
        String setting = System.getProperty(PROPERTY);
        if (setting == null || setting.isBlank()) return;
        List<Cidr> blocks = parse(setting);
        for (Target t : targets) {
            if (blocks.stream().noneMatch(b -> b.contains(t.address()))) {
                throw new BadInputException("Refusing to scan " + t.address().getHostAddress() + ": this process may only scan "
                        + setting.strip() + " (" + PROPERTY + ").");
            }
        }
    }

    private static List<Cidr> parse(String setting) {
        List<Cidr> blocks = new ArrayList<>();
        for (String part : setting.split(",")) {
            try {
                blocks.add(Cidr.parse(part));
            } catch (BadInputException e) {
                throw new IllegalStateException(PROPERTY + ": not an address block: " + part.strip(), e);   // a set-up error, not the user's
            }
        }
        return blocks;
    }
}
