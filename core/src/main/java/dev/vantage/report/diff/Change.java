package dev.vantage.report.diff;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * One difference on one port between two checks.
 *
 * @param before the old value (a state label, a software description, a finding id, a risk
 *               label), or null when there was none
 * @param after  the new value, or null when there is none now
 * @param detail supporting text, e.g. a new finding's evidence or the service now answering
 */
public record Change(Kind kind, int port, String protocol, @Nullable String before, @Nullable String after,
                     @Nullable String detail) {

    public enum Kind {
        /** The port answers now and did not before. */
        PORT_NEW,
        /** The port answered before and does not now. */
        PORT_GONE,
        /** The port answers in both, in another state (open ↔ open-restricted). */
        STATE,
        /** Another product or version answers. */
        SERVICE,
        FINDING_NEW,
        FINDING_RESOLVED,
        /** The effective risk (the owner's rating where given) changed. */
        RISK;

        /** The stable name in JSON: {@code port-new}, {@code finding-resolved}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
