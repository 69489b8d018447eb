package dev.vantage.target;

import dev.vantage.BadInputException;

import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands target specifications into addresses: IPv4 and IPv6 literals, CIDR blocks of both
 * families, IPv4 ranges ({@code 198.18.0.1-20} or {@code 198.18.0.1-198.18.0.20}) and hostnames.
 * Every mistake becomes a {@link BadInputException} naming the offending text. The expansion is
 * capped by {@code maxTargets} before any large list is built, so {@code ::/0} fails fast.
 */
public final class TargetParser {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");

    private final HostResolver resolver;
    private final boolean allAddresses;
    private final int maxTargets;

    /**
     * @param allAddresses for hostnames: check every address they resolve to (true) or the first
     * @param maxTargets   the most addresses one check may cover (scope guard)
     */
    public TargetParser(HostResolver resolver, boolean allAddresses, int maxTargets) {
        if (maxTargets < 1) throw new BadInputException("--max-targets must be at least 1.");
        this.resolver = resolver;
        this.allAddresses = allAddresses;
        this.maxTargets = maxTargets;
    }

    /** Expands all specs, removes duplicate addresses (first name wins) and the excluded ones. */
    public List<Target> parse(List<String> specs, List<String> excludes) {
        Map<InetAddress, Target> byAddress = new LinkedHashMap<>();
        for (String spec : specs) {
            for (Target t : expand(spec)) {
                byAddress.putIfAbsent(t.address(), t);
                if (byAddress.size() > maxTargets) {
                    throw new BadInputException("The targets cover more than " + maxTargets
                            + " addresses; narrow them or raise --max-targets.");
                }
            }
        }
        for (String spec : excludes) {
            for (Target t : expand(spec)) byAddress.remove(t.address());
        }
        if (byAddress.isEmpty()) {
            throw new BadInputException(specs.isEmpty()
                    ? "No target given; name at least one host, address, range or CIDR block."
                    : "Every target was excluded; nothing is left to check.");
        }
        return List.copyOf(byAddress.values());
    }

    /** Reads targets from a file (one or more per line, '#' starts a comment), as nmap's -iL. */
    public static List<String> readTargetFile(Path file) {
        List<String> specs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String content = hash >= 0 ? line.substring(0, hash) : line;
                for (String token : content.trim().split("[\\s,]+")) {
                    if (!token.isEmpty()) specs.add(token);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException("Cannot read the target file '" + file + "' ("
                    + describe(e) + "); check the path and its permissions.");
        }
        if (specs.isEmpty()) {
            throw new BadInputException("The target file '" + file + "' lists no targets.");
        }
        return specs;
    }

    List<Target> expand(String rawSpec) {
        String spec = rawSpec.trim();
        if (spec.isEmpty()) throw new BadInputException("An empty target was given; remove it or name a host.");
        int slash = spec.indexOf('/');
        if (slash >= 0) return cidr(spec, spec.substring(0, slash), spec.substring(slash + 1));
        if (spec.indexOf(':') >= 0 || spec.startsWith("[")) return List.of(new Target(spec, ipv6(spec, spec)));
        if (IPV4.matcher(spec).matches()) return List.of(new Target(spec, ipv4(spec, spec)));
        int dash = spec.indexOf('-');
        if (dash > 0 && IPV4.matcher(spec.substring(0, dash)).matches()) return ipv4Range(spec, dash);
        if (spec.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw new BadInputException("'" + spec + "' is not a valid IPv4 address; write four numbers 0-255 separated by dots.");
        }
        return hostname(spec);
    }

    private List<Target> hostname(String spec) {
        if (!HOSTNAME.matcher(spec).matches()) {
            throw new BadInputException("'" + spec + "' is neither an address, a range, a CIDR block nor a valid hostname.");
        }
        InetAddress[] found;
        try {
            found = resolver.resolve(spec);
        } catch (UnknownHostException | SecurityException e) {
            throw new BadInputException("Cannot resolve the host '" + spec + "'; check the name or give its address.");
        }
        if (found == null || found.length == 0) {
            throw new BadInputException("The host '" + spec + "' has no addresses; check the name or give its address.");
        }
        List<Target> out = new ArrayList<>();
        for (InetAddress a : found) {
            out.add(new Target(spec, a));
            if (!allAddresses) break;
        }
        return out;
    }

    private List<Target> cidr(String spec, String base, String prefixText) {
        if (!prefixText.matches("\\d{1,3}")) {
            throw new BadInputException("'" + spec + "' has a malformed prefix length; write e.g. 198.18.0.0/24 or 2001:db8::/120.");
        }
        int prefix = Integer.parseInt(prefixText);
        InetAddress network = base.indexOf(':') >= 0 || base.startsWith("[") ? ipv6(spec, base) : ipv4(spec, base);
        int bits = network instanceof Inet4Address ? 32 : 128;
        if (prefix > bits) {
            throw new BadInputException("'" + spec + "' has prefix /" + prefix + "; an IPv" + (bits == 32 ? 4 : 6)
                    + " prefix must be 0 to " + bits + ".");
        }
        int hostBits = bits - prefix;
        if (hostBits > 30 || (1L << hostBits) > maxTargets) {
            throw new BadInputException("'" + spec + "' covers more than " + maxTargets
                    + " addresses; narrow it or raise --max-targets.");
        }
        BigInteger start = new BigInteger(1, network.getAddress()).shiftRight(hostBits).shiftLeft(hostBits);
        int count = 1 << hostBits;
        List<Target> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            InetAddress a = fromNumber(start.add(BigInteger.valueOf(i)), bits / 8);
            out.add(new Target(a.getHostAddress(), a));
        }
        return out;
    }

    private List<Target> ipv4Range(String spec, int dash) {
        InetAddress first = ipv4(spec, spec.substring(0, dash));
        String endText = spec.substring(dash + 1);
        long from = toLong(first);
        long to;
        if (endText.matches("\\d{1,3}")) {
            int last = Integer.parseInt(endText);
            if (last > 255) throw new BadInputException("'" + spec + "' ends its range at " + last + "; the last number must be 0-255.");
            to = (from & 0xFFFFFF00L) | last;
        } else if (IPV4.matcher(endText).matches()) {
            to = toLong(ipv4(spec, endText));
        } else {
            throw new BadInputException("'" + spec + "' is not a valid range; write e.g. 198.18.0.1-20 or 198.18.0.1-198.18.0.20.");
        }
        if (to < from) throw new BadInputException("'" + spec + "' is a range that ends before it starts.");
        if (to - from + 1 > maxTargets) {
            throw new BadInputException("'" + spec + "' covers more than " + maxTargets + " addresses; narrow it or raise --max-targets.");
        }
        List<Target> out = new ArrayList<>((int) (to - from + 1));
        for (long n = from; n <= to; n++) {
            InetAddress a = fromNumber(BigInteger.valueOf(n), 4);
            out.add(new Target(a.getHostAddress(), a));
        }
        return out;
    }

    private static InetAddress ipv4(String spec, String text) {
        Matcher m = IPV4.matcher(text);
        if (!m.matches()) throw new BadInputException("'" + spec + "' does not hold a valid IPv4 address.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(m.group(i + 1));
            if (octet > 255) {
                throw new BadInputException("'" + spec + "' has the number " + octet + " in an IPv4 address; each must be 0-255.");
            }
            b[i] = (byte) octet;
        }
        return fromBytes(b);
    }

    private static InetAddress ipv6(String spec, String rawText) {
        String text = rawText;
        if (text.startsWith("[") && text.endsWith("]")) text = text.substring(1, text.length() - 1);
        // Only hex digits, colons, dots (embedded IPv4) and a zone: never hand a name to the resolver here.
        if (text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?") || text.indexOf(':') < 0) {
            throw new BadInputException("'" + spec + "' is not a valid IPv6 address.");
        }
        try {
            InetAddress a = InetAddress.getByName(text);
            if (a instanceof Inet6Address || a instanceof Inet4Address) return a;
        } catch (UnknownHostException e) {
            // fall through to the error below
        }
        throw new BadInputException("'" + spec + "' is not a valid IPv6 address.");
    }

    private static long toLong(InetAddress a) {
        return new BigInteger(1, a.getAddress()).longValueExact();
    }

    private static InetAddress fromNumber(BigInteger n, int size) {
        byte[] raw = n.toByteArray();
        byte[] b = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, b, size - copy, copy);
        return fromBytes(b);
    }

    private static InetAddress fromBytes(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of illegal length " + b.length, e);
        }
    }

    private static String describe(Exception e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException n -> "no such file";
            case java.nio.file.AccessDeniedException a -> "permission denied";
            case java.nio.charset.MalformedInputException m -> "not UTF-8 text";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
