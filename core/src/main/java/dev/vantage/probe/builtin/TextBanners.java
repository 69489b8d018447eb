package dev.vantage.probe.builtin;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product tables for text greetings, in the manner of nmap's {@code nmap-service-probes}: an
 * ordered list of patterns, the first that matches names the product (with nmap's product names,
 * so that our report and {@code nmap -sV} agree), and optionally which groups hold the version and
 * the host name.
 */
public final class TextBanners {
    private TextBanners() {}

    /**
     * One line of a table.
     *
     * @param pattern      searched for (use {@code ^} to anchor) in the greeting text
     * @param product      the product name nmap reports for it
     * @param versionGroup the group holding the version, 0 for none
     * @param hostGroup    the group holding the server's own name, 0 for none
     */
    public record Rule(Pattern pattern, String product, int versionGroup, int hostGroup) {
        public static Rule of(String regex, String product) {
            return new Rule(Pattern.compile(regex), product, 0, 0);
        }

        public static Rule of(String regex, String product, int versionGroup, int hostGroup) {
            return new Rule(Pattern.compile(regex), product, versionGroup, hostGroup);
        }
    }

    /** What a table found. */
    public record Match(String product, @Nullable String version, @Nullable String host) {}

    /** The first rule of {@code rules} that matches {@code text}, if any. Never throws. */
    public static Optional<Match> first(List<Rule> rules, String text) {
        for (Rule r : rules) {
            try {
                Matcher m = r.pattern().matcher(text);
                if (!m.find()) continue;
                return Optional.of(new Match(r.product(), group(m, r.versionGroup()), group(m, r.hostGroup())));
            } catch (RuntimeException e) {
                // a pathological input must not end identification; try the next rule
            }
        }
        return Optional.empty();
    }

    private static @Nullable String group(Matcher m, int group) {
        if (group <= 0 || group > m.groupCount()) return null;
        String g = m.group(group);
        if (g == null) return null;
        g = g.strip();
        return g.isEmpty() ? null : g;
    }
}
