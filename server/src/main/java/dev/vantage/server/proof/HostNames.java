package dev.vantage.server.proof;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a customer may enter as a target: one hostname or one IPv4/IPv6 address. */
public final class HostNames {
    private static final Pattern NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private HostNames() {}

    /** The canonical form (lower case, no trailing dot, no brackets), or empty if it is neither a name nor an address. */
    public static Optional<String> normalise(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        s = stripBrackets(s);
        if (s.isEmpty() || s.length() > 253) return Optional.empty();
        if (IPV4.matcher(s).matches()) return Optional.of(s);
        if (s.indexOf(':') >= 0) {
            if (!s.matches("[0-9a-f:.]{2,45}")) return Optional.empty();
            try {
                java.net.InetAddress a = java.net.InetAddress.getByName(s);
                return Optional.of(new dev.vantage.target.Target(s, a).addressText());   // RFC 5952 form
            } catch (java.net.UnknownHostException e) {
                return Optional.empty();
            }
        }
        if (s.chars().allMatch(c -> Character.isDigit(c) || c == '.')) return Optional.empty();
        // A top-level label is never all digits; "1.2.3.4-9" is a range someone typed, not a name.
        String last = s.substring(s.lastIndexOf('.') + 1);
        if (last.chars().noneMatch(Character::isLetter)) return Optional.empty();
        return NAME.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    public static boolean isAddressLiteral(String host) {
        String s = stripBrackets(host);
        return IPV4.matcher(s).matches() || s.indexOf(':') >= 0;
    }

    public static String stripBrackets(String s) {
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }
}
