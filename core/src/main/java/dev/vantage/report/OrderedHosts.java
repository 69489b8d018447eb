package dev.vantage.report;

import dev.vantage.scan.HostResult;
import dev.vantage.scan.PortResult;
import dev.vantage.target.Target;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Hosts finish in any order; reports list them in the order the user gave. This buffers finished
 * hosts until every earlier one is out (at most the scanner's window of active hosts), and keeps
 * each host's individual port results only while {@code keepAllPorts} asks for them.
 */
final class OrderedHosts {
    private final Map<InetAddress, Integer> position = new HashMap<>();
    private final Map<Integer, HostResult> waiting = new HashMap<>();
    private final Map<InetAddress, List<PortResult>> portsByHost = new HashMap<>();
    private final boolean keepAllPorts;
    private final BiConsumer<HostResult, List<PortResult>> sink;
    private int nextToEmit;

    /** @param sink receives each host with its ports (all of them, or the reachable ones), in target order */
    OrderedHosts(List<Target> targets, boolean keepAllPorts, BiConsumer<HostResult, List<PortResult>> sink) {
        for (int i = 0; i < targets.size(); i++) position.put(targets.get(i).address(), i);
        this.keepAllPorts = keepAllPorts;
        this.sink = sink;
    }

    void port(PortResult r) {
        if (keepAllPorts) portsByHost.computeIfAbsent(r.target().address(), a -> new ArrayList<>()).add(r);
    }

    void host(HostResult h) {
        Integer at = position.get(h.target().address());
        if (at == null) {   // not in the list we were given: emit at once rather than lose it
            emit(h);
            return;
        }
        waiting.put(at, h);
        HostResult next;
        while ((next = waiting.remove(nextToEmit)) != null) {
            emit(next);
            nextToEmit++;
        }
    }

    private void emit(HostResult h) {
        List<PortResult> ports = keepAllPorts ? portsByHost.remove(h.target().address()) : h.reachable();
        List<PortResult> sorted = new ArrayList<>(ports == null ? List.of() : ports);
        sorted.sort(Comparator.comparingInt(PortResult::port));
        sink.accept(h, sorted);
    }
}
