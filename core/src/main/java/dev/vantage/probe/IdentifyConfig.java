package dev.vantage.probe;

import java.time.Duration;

/**
 * Time limits of identification.
 *
 * @param greetingWait      how long to wait for a greeting where the port's usual protocol speaks
 *                          first (SMTP, FTP, SSH, POP3, IMAP, ...): such servers may pause before greeting
 * @param shortGreetingWait how long to wait elsewhere before sending probes (HTTP and most others
 *                          wait for the client, so a long wait there is only lost time)
 * @param readTimeout       how long one read of a probe's answer may wait
 * @param portBudget        the most time identification of one port may take, all probes together
 */
public record IdentifyConfig(Duration greetingWait, Duration shortGreetingWait, Duration readTimeout, Duration portBudget) {
    public static IdentifyConfig defaults() {
        return new IdentifyConfig(Duration.ofSeconds(4), Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofSeconds(12));
    }
}
