package dev.vantage.server.security;

import dev.vantage.target.Cidr;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which peers may tell the service who their client is ({@code --trust-proxy}). The client's
 * address decides the self-check proof, the per-address limits and the audit log, so a forged
 * {@code X-Forwarded-For} must never count: the header is read only when the connection comes
 * from one of these ranges, and then from the right, skipping further trusted proxies, until the
 * first address that is not one. That is the address the last trusted proxy saw; whatever a client
 * wrote further left is its own claim and is ignored. Empty (the default): no header is read.
 */
public record TrustedProxies(List<Cidr> ranges) {
    /** Enough for any real chain of proxies; a longer header is someone padding it. */
    static final int MAX_HOPS = 16;
    private static final Pattern IP_TEXT = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    public boolean trusts(InetAddress peer) {
        for (Cidr c : ranges) if (c.contains(peer)) return true;
        return false;
    }

    /**
     * The client's address: the peer itself unless it is a trusted proxy; else the rightmost
     * address in the X-Forwarded-For values (all header lines, in order) that is not a trusted
     * proxy. An entry that is not an address ends the walk at the hop that added it.
     */
    public InetAddress client(InetAddress peer, List<String> forwardedFor) {
        if (ranges.isEmpty() || !trusts(peer)) return peer;
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String part : line.split(",")) {
                if (!part.isBlank()) hops.add(part.strip());
            }
        }
        InetAddress current = peer;
        int seen = 0;
        for (int i = hops.size() - 1; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            InetAddress hop = parse(hops.get(i));
            if (hop == null) return current;
            if (!trusts(hop)) return hop;
            current = hop;
        }
        return current;
    }

    /** An address literal as proxies write it: {@code 198.51.100.7}, {@code 2001:db8::1}, {@code [2001:db8::1]}. */
    static @Nullable InetAddress parse(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IP_TEXT.matcher(s).matches()) return null;
        if (s.indexOf(':') < 0 && !s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return null;
        try {
            return InetAddress.getByName(s);    // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
