package dev.vantage.check;

import java.time.Duration;

/**
 * Settings checks read.
 *
 * @param relayDomain the owner's test domain for relay attempts: recipients are made up under it,
 *                    so no real mailbox is ever addressed (default under the reserved {@code .invalid})
 * @param budget      the most time one check may spend on one port
 */
public record CheckSettings(String relayDomain, Duration budget) {
    public static CheckSettings defaults() {
        return new CheckSettings("relay-test.vantage.invalid", Duration.ofSeconds(20));
    }
}
