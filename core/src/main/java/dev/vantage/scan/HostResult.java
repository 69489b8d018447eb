package dev.vantage.scan;

import dev.vantage.target.Target;

import java.util.List;

/**
 * Everything learned about one address once all of its ports are decided.
 *
 * @param reachable the open and open-restricted ports, by port number
 * @param closed    closed ports as compact ranges ({@code 1-21,23-79})
 * @param filtered  filtered ports as compact ranges
 */
public record HostResult(Target target, List<PortResult> reachable, StateCounts counts,
                         String closed, String filtered, long elapsedMillis) {

    public HostResult {
        reachable = List.copyOf(reachable);
    }
}
