package dev.vantage.assess;

import org.jspecify.annotations.Nullable;

/**
 * A difference between what the owner intended (the policy) and what was seen.
 *
 * @param kind    {@code policy-unexpected-open}, {@code policy-intended-unreachable} or
 *                {@code policy-vantage-excluded} (the knowledge-base finding ids)
 * @param port    the port concerned
 * @param protocol tcp or udp
 * @param detail  evidence: the state seen, the source networks the policy allows
 * @param vantage where the check ran from, when known
 */
public record Deviation(String kind, int port, String protocol, String detail, @Nullable String vantage) {}
