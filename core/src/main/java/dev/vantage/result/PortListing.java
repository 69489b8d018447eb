package dev.vantage.result;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A host's full port listing (--show-all): every scanned port in order, over the one array the
 * run built it in, with the ports that are not quiet TCP ports ({@link PortReport#quietTcp()})
 * alongside. A full scan lists 65 535 ports, nearly all quiet; copying the listing into a
 * {@link List#copyOf} list and filtering it again for the assessment were passes over all of them
 * in a JVM too young to have compiled the loops, so the listing is handed on as it is.
 *
 * <p>Immutable once made: the array and the answering list are the caller's to give up. The
 * answering list must be exactly the entries that are not quiet TCP ports, in listing order
 * ({@link #of} checks it in tests' builds with assertions on, not in production).
 */
public final class PortListing extends AbstractList<PortReport> implements RandomAccess {
    private final PortReport[] ports;
    private final List<PortReport> answering;

    private PortListing(PortReport[] ports, List<PortReport> answering) {
        this.ports = ports;
        this.answering = List.copyOf(answering);
    }

    /**
     * The listing over {@code ports} (which it keeps; no entry null), with {@code answering} its
     * entries that are not quiet TCP ports.
     */
    public static PortListing of(PortReport[] ports, List<PortReport> answering) {
        for (PortReport p : answering) Objects.requireNonNull(p);
        PortListing listing = new PortListing(ports, answering);
        assert listing.answering.equals(listing.stream().filter(p -> !p.quietTcp()).toList())
                : "the answering ports must be the listing's entries that are not quiet TCP ports";
        return listing;
    }

    /** The entries that are not quiet TCP ports, in listing order: what the assessment looks at. */
    public List<PortReport> answering() {
        return answering;
    }

    @Override
    public PortReport get(int index) {
        return Objects.requireNonNull(ports[index]);
    }

    @Override
    public int size() {
        return ports.length;
    }
}
