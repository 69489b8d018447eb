package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.IdentProbe.IdentReply;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentProbeTest {

    @Test
    void parsesBothSpellings() {
        assertEquals(new IdentReply(65535, 65535, false, "", "NO-USER"), IdentProbe.parseReply("65535,65535:ERROR:NO-USER\r\n").orElseThrow());
        assertEquals(new IdentReply(65535, 65535, false, "", "INVALID-PORT"),
                IdentProbe.parseReply("65535 , 65535 : ERROR : INVALID-PORT").orElseThrow());
        assertEquals(new IdentReply(113, 40312, true, "UNIX", "nobody"), IdentProbe.parseReply("113 , 40312 : USERID : UNIX : nobody").orElseThrow());
        assertEquals(new IdentReply(113, 40312, true, "UNIX", "root"), IdentProbe.parseReply("113,40312:USERID:UNIX,UTF-8:root").orElseThrow());
        assertEquals(new IdentReply(-1, -1, false, "", "UNKNOWN-ERROR"), IdentProbe.parseReply(" : ERROR : UNKNOWN-ERROR").orElseThrow());
    }

    @Test
    void rejectsWhatIsNotIdent() {
        assertTrue(IdentProbe.parseReply("HTTP/1.1 400 Bad Request").isEmpty());
        assertTrue(IdentProbe.parseReply("1,1:USERID:UNIX:").isEmpty());
        assertTrue(IdentProbe.parseReply("").isEmpty());
    }

    /** Away from port 113 the probe keeps quiet: nothing is written, so nothing can be answered. */
    @Test
    void asksOnlyOnPort113() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Connection c = Connection.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                     Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            assertTrue(new IdentProbe().query(c).isEmpty());
            try (var accepted = server.accept()) {
                accepted.setSoTimeout(200);
                assertEquals(-1, readOrEnd(accepted));
            }
        }
    }

    private static int readOrEnd(java.net.Socket s) {
        try {
            return s.getInputStream().read();
        } catch (java.io.IOException e) {
            return -1;      // timed out: nothing was sent
        }
    }
}
