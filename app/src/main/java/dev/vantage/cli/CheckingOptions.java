package dev.vantage.cli;

import dev.vantage.BadInputException;
import dev.vantage.server.ServerConfig;
import dev.vantage.server.security.Scope;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * What a process that runs the service's checks is allowed and told: the ranges it may and may
 * never check, the DNS server it asks, its scan rate. Shared by {@code vantage serve} (whose
 * local worker checks) and {@code vantage worker}, so both read and validate them the same way.
 */
final class CheckingOptions {
    @Option(names = "--allow", paramLabel = "CIDR", split = ",",
            description = "Ranges that may be checked although they are loopback, private or reserved (e.g. 127.0.0.0/8 for a lab).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--deny", paramLabel = "CIDR", split = ",", description = "Ranges that are never checked (beats --allow).")
    List<String> deny = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "HOST:PORT",
            description = "Ask this DNS server (not the system's) for target names (and, for the service, DNS proofs).")
    String dns;

    @Option(names = "--scan-rate", paramLabel = "N", defaultValue = "2000",
            description = "Connection attempts per second per check (0: no cap). Default: ${DEFAULT-VALUE}.")
    int scanRate;

    /** Validates the options and sets them on {@code b}. */
    ServerConfig.Builder applyTo(ServerConfig.Builder b) {
        if (scanRate < 0) throw new BadInputException("--scan-rate must be 0 (no cap) or a positive number.");
        return b.scope(new Scope(ServeCommand.cidrs(allow), ServeCommand.cidrs(deny)))
                .dnsServer(dns == null ? null : ServeCommand.hostPort(dns, "--dns", 53))
                .scanRate(scanRate);
    }
}
