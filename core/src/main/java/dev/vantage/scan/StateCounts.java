package dev.vantage.scan;

/** How many ports ended in each state. */
public record StateCounts(int open, int openRestricted, int closed, int filtered, int openFiltered) {

    public static final StateCounts ZERO = new StateCounts(0, 0, 0, 0, 0);

    /** From counts indexed by {@link PortState#ordinal}. */
    public static StateCounts of(int[] byOrdinal) {
        return new StateCounts(byOrdinal[PortState.OPEN.ordinal()], byOrdinal[PortState.OPEN_RESTRICTED.ordinal()],
                byOrdinal[PortState.CLOSED.ordinal()], byOrdinal[PortState.FILTERED.ordinal()],
                byOrdinal[PortState.OPEN_FILTERED.ordinal()]);
    }

    public int total() {
        return open + openRestricted + closed + filtered + openFiltered;
    }

    public int of(PortState state) {
        return switch (state) {
            case OPEN -> open;
            case OPEN_RESTRICTED -> openRestricted;
            case CLOSED -> closed;
            case FILTERED -> filtered;
            case OPEN_FILTERED -> openFiltered;
        };
    }

    public StateCounts plus(StateCounts o) {
        return new StateCounts(open + o.open, openRestricted + o.openRestricted, closed + o.closed,
                filtered + o.filtered, openFiltered + o.openFiltered);
    }
}
