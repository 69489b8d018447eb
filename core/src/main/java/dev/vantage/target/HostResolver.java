package dev.vantage.target;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a hostname into addresses; the system resolver by default, a fake in tests. */
@FunctionalInterface
public interface HostResolver {
    InetAddress[] resolve(String hostname) throws UnknownHostException;

    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
