package dev.vantage.report.diff;

import java.util.List;
import java.util.Locale;

/**
 * The changes on one host (matched by address) between two checks.
 *
 * @param label the owner's name for the host in the newer check (the older one's if it is gone)
 */
public record HostDiff(String address, String label, Presence presence, List<Change> changes) {
    public HostDiff {
        changes = List.copyOf(changes);
    }

    public enum Presence {
        /** Checked both times. */
        BOTH,
        /** Only in the newer check. */
        NEW,
        /** Only in the older check. */
        GONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean isEmpty() {
        return presence == Presence.BOTH && changes.isEmpty();
    }
}
