package dev.vantage.tripwire;

import dev.vantage.target.Target;

import java.net.InetAddress;

/** Addresses as the store keeps them: IPv4 dotted, IPv6 in RFC 5952 form, no scope. */
public final class Addresses {
    private Addresses() {}

    public static String canonical(InetAddress address) {
        return new Target("address", address).addressText();
    }
}
