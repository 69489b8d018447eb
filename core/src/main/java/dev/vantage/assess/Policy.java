package dev.vantage.assess;

import dev.vantage.target.Cidr;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The owner's view of their own servers: their names for the hosts, the exposure they intend
 * (which ports answer, from which source networks, which are decoys), their own risk ratings with
 * notes, and check settings. Read by {@link PolicyParser}; immutable.
 */
public record Policy(List<Host> hosts, List<Override> overrides, @Nullable String relayDomain, @Nullable Lang language) {

    public Policy {
        hosts = List.copyOf(hosts);
        overrides = List.copyOf(overrides);
    }

    public static Policy empty() {
        return new Policy(List.of(), List.of(), null, null);
    }

    /** A host of the owner's, with the ports meant to answer. */
    public record Host(String name, List<InetAddress> addresses, List<Intended> intended) {
        public Host {
            addresses = List.copyOf(addresses);
            intended = List.copyOf(intended);
        }

        public Optional<Intended> intended(String protocol, int port) {
            return intended.stream().filter(i -> i.port() == port && i.protocol().equals(protocol)).findFirst();
        }
    }

    /**
     * A port meant to answer.
     *
     * @param from  the source networks it should answer (empty: from anywhere)
     * @param decoy left reachable on purpose to record attempts (a tripwire)
     */
    public record Intended(int port, String protocol, List<Cidr> from, boolean decoy, @Nullable String note) {
        public Intended {
            from = List.copyOf(from);
        }

        public boolean allows(@Nullable InetAddress source) {
            if (from.isEmpty()) return true;
            if (source == null) return true;   // unknown vantage: cannot judge, so no deviation
            return from.stream().anyMatch(c -> c.contains(source));
        }
    }

    /**
     * The owner's rating for a finding, a service or a port, on some hosts or all.
     * Exactly one of finding, service, port is set.
     */
    public record Override(@Nullable String finding, @Nullable String service, @Nullable Integer port, List<String> hosts,
                           Risk risk, String note) {
        public Override {
            hosts = List.copyOf(hosts);
        }

        boolean appliesToHost(String hostName) {
            return hosts.isEmpty() || hosts.contains(hostName);
        }
    }

    public Optional<Host> hostFor(InetAddress address) {
        return hosts.stream().filter(h -> h.addresses().contains(address)).findFirst();
    }

    /** The owner's view of a port's service on a host: a port override wins over a service override. */
    public Optional<OwnerView> viewOfPort(String hostName, int port, String serviceKey) {
        Optional<Override> byPort = overrides.stream()
                .filter(o -> o.port() != null && o.port() == port && o.appliesToHost(hostName)).findFirst();
        Optional<Override> chosen = byPort.isPresent() ? byPort : overrides.stream()
                .filter(o -> serviceKey.equals(o.service()) && o.appliesToHost(hostName)).findFirst();
        return chosen.map(o -> new OwnerView(o.risk(), o.note()));
    }

    public Optional<OwnerView> viewOfFinding(String hostName, String findingId) {
        return overrides.stream().filter(o -> findingId.equals(o.finding()) && o.appliesToHost(hostName)).findFirst()
                .map(o -> new OwnerView(o.risk(), o.note()));
    }
}
