package dev.vantage.server.security;

import dev.vantage.target.Cidr;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the service may check, decided by the operator. Public addresses are allowed;
 * loopback, private, link-local, shared, documentation, benchmarking, multicast and otherwise
 * reserved ranges are refused unless the operator allows them ({@code --allow}); and whatever
 * the operator denies ({@code --deny}) is refused, first. The same rule is applied when a target
 * is added, when control is proven, when an order is placed, when the job runs (on the addresses
 * actually scanned, against DNS rebinding), and to webhook destinations.
 */
public record Scope(List<Cidr> allowed, List<Cidr> denied) {
    /** IANA special-purpose registries (IPv4 and IPv6): not somebody's public server. */
    private static final List<Cidr> RESERVED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4",
            "::/127", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
            "2001:db8::/32", "2002::/16", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(Cidr::parse).toList();

    public Scope {
        allowed = List.copyOf(allowed);
        denied = List.copyOf(denied);
    }

    public static Scope publicOnly() {
        return new Scope(List.of(), List.of());
    }

    /** Why the address may not be checked, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        for (Cidr c : denied) {
            if (c.contains(address)) return Optional.of(address.getHostAddress() + " is in " + c + ", which this service does not check");
        }
        for (Cidr c : allowed) if (c.contains(address)) return Optional.empty();
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return Optional.of(address.getHostAddress() + " is a loopback, private or reserved address");
        }
        for (Cidr c : RESERVED) {
            if (c.contains(address)) return Optional.of(address.getHostAddress() + " is in the reserved range " + c);
        }
        return Optional.empty();
    }

    public boolean permits(InetAddress address) {
        return refusal(address).isEmpty();
    }
}
