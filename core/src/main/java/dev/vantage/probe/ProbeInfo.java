package dev.vantage.probe;

import java.util.Set;

/**
 * The descriptor of a probe.
 *
 * @param id          a stable name, e.g. {@code smtp}
 * @param service     the service name it identifies
 * @param likelyPorts ports where this service usually listens; the probe is tried first there
 * @param queries     whether it sends a request of its own (false: it only reads greetings)
 */
public record ProbeInfo(String id, String service, Set<Integer> likelyPorts, boolean queries) {
    public ProbeInfo {
        likelyPorts = Set.copyOf(likelyPorts);
    }
}
