package dev.vantage.udp;

import dev.vantage.probe.Service;

import java.util.List;
import java.util.Optional;

/**
 * One UDP protocol: what to send to its ports and how to recognise the answer.
 *
 * <p>Each scan attempt sends every datagram of {@link #requests()} (most protocols need one;
 * SNMP sends a v1 and a v3 request so either kind of agent answers), then hands whatever came
 * back within the attempt to {@link #identify}. Requests are read-only questions a normal client
 * would ask; none changes state on the target.
 *
 * <p>Implementations are stateless and thread-safe; {@link #identify} is a pure function of the
 * bytes (no I/O), never throws on hostile input and returns empty when it does not recognise them.
 */
public interface UdpProbe {

    UdpProbeInfo info();

    /** The datagrams to send, in order; never empty, each at most 1,400 bytes. */
    List<byte[]> requests();

    /** Recognises one reply; empty when the bytes are not this protocol's answer. */
    Optional<Service> parse(byte[] reply);

    /**
     * Whether the service answers from a port other than the one asked (TFTP answers from a new
     * "transfer identifier" port). A connected channel never sees such answers, so for these
     * probes a port that stayed silent gets one more attempt from an unconnected channel.
     */
    default boolean answersFromAnotherPort() {
        return false;
    }

    /**
     * Recognises the replies to one attempt (at least one). The default takes the first reply
     * this probe recognises; probes with several requests may combine what each reply revealed.
     */
    default Optional<Service> identify(List<byte[]> replies) {
        for (byte[] r : replies) {
            Optional<Service> s = parse(r);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }
}
