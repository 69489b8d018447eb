package dev.vantage;

import dev.vantage.result.PortReport;
import dev.vantage.scan.PortResult;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;
import dev.vantage.target.Target;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ports decided in a shuffled order come out by port number, for small and large listings alike. */
class DecidedPortsTest {
    private final Target target;

    DecidedPortsTest() throws Exception {
        target = new Target("127.0.0.1", InetAddress.getByName("127.0.0.1"));
    }

    private PortResult result(int port, PortState state) {
        return new PortResult(target, port, Protocol.TCP, state, Reason.CONN_REFUSED, 10, 1);
    }

    private static int[] ports(PortReport[] reports) {
        return Arrays.stream(reports).mapToInt(PortReport::port).toArray();
    }

    private int[] collect(int portsPerHost, List<Integer> order) {
        DecidedPorts d = new DecidedPorts(portsPerHost);
        for (int port : order) d.add(result(port, port % 7 == 0 ? PortState.OPEN : PortState.CLOSED));
        return ports(d.inPortOrder());
    }

    private static List<Integer> shuffled(int from, int to, int step) {
        List<Integer> l = new ArrayList<>();
        for (int p = from; p <= to; p += step) l.add(p);
        Collections.shuffle(l, new Random(7));
        return l;
    }

    @Test
    void aContiguousFullRangeComesOutInOrder() {
        int[] out = collect(65535, shuffled(1, 65535, 1));
        assertEquals(65535, out.length);
        for (int i = 0; i < out.length; i++) assertEquals(i + 1, out[i]);
    }

    @Test
    void aLargeListingWithGapsAndASmallOneComeOutInOrder() {
        int[] sparse = collect(2000, shuffled(3, 6003, 3));
        assertEquals(2001, sparse.length);
        for (int i = 0; i < sparse.length; i++) assertEquals(3 + 3 * i, sparse[i]);
        assertArrayEquals(new int[] {22, 25, 80, 443}, collect(4, List.of(443, 22, 80, 25)));
        assertArrayEquals(new int[0], collect(65535, List.of()));
        assertArrayEquals(new int[0], collect(3, List.of()));
    }

    @Test
    void aPortDecidedTwiceKeepsBothEntriesInTheOrderTheyCame() {
        DecidedPorts d = new DecidedPorts(65535);
        for (int port : shuffled(1, 3000, 1)) d.add(result(port, PortState.CLOSED));
        d.add(result(1500, PortState.FILTERED));
        PortReport[] out = d.inPortOrder();
        assertEquals(3001, out.length);
        assertEquals(1500, out[1499].port());
        assertEquals(PortState.CLOSED, out[1499].state());
        assertEquals(1500, out[1500].port());
        assertEquals(PortState.FILTERED, out[1500].state());
        for (int i = 1; i < out.length; i++) assertEquals(true, out[i - 1].port() <= out[i].port());
    }
}
