package dev.vantage.target;

import dev.vantage.BadInputException;
import dev.vantage.scan.ScanConfig;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.TcpScanner;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test suites run with the fence at loopback (see the surefire configuration); this pins what it lets through. */
class TargetFenceTest {
    @Test
    void theSuiteIsFencedToLoopback() {
        assertEquals("127.0.0.0/8,::1/128", System.getProperty(TargetFence.PROPERTY));
    }

    @Test
    void loopbackPassesAndEverythingElseStopsBeforeTheFirstPacket() throws Exception {
        assertDoesNotThrow(() -> TargetFence.check(List.of(target("127.0.0.1"), target("127.255.255.254"), target("::1"))));
        for (String outside : List.of("198.18.0.1", "128.0.0.1", "10.0.0.1", "::2", "2001:db8::1")) {
            Target t = target(outside);
            BadInputException e = assertThrows(BadInputException.class, () -> TargetFence.check(List.of(target("127.0.0.1"), t)), outside);
            assertTrue(e.getMessage().startsWith("Refusing to scan "), e.getMessage());
        }
        // The scanner itself asks the fence: nothing is sent to an address outside it.
        assertThrows(BadInputException.class, () -> new TcpScanner(ScanConfig.defaults())
                .scan(List.of(target("198.18.0.1")), PortList.parse("1"), new ScanListener() { }));
    }

    private static Target target(String address) throws Exception {
        return new Target(address, InetAddress.getByName(address));
    }
}
