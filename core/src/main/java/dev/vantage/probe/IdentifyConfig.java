package dev.vantage.probe;

import java.time.Duration;

/**
 * Time limits of identification.
 *
 * @param greetingWait how long to wait for a service to speak first
 * @param readTimeout  how long one read of a probe's answer may wait
 * @param portBudget   the most time identification of one port may take, all probes together
 */
public record IdentifyConfig(Duration greetingWait, Duration readTimeout, Duration portBudget) {
    public static IdentifyConfig defaults() {
        return new IdentifyConfig(Duration.ofMillis(2500), Duration.ofSeconds(3), Duration.ofSeconds(15));
    }
}
