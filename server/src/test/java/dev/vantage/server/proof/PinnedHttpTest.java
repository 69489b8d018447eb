package dev.vantage.server.proof;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PinnedHttpTest {
    private static PinnedHttp.Response parse(String raw) {
        return PinnedHttp.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsStatusAndBody() {
        assertEquals(new PinnedHttp.Response(200, "token\n"), parse("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\ntoken\n"));
        assertEquals(new PinnedHttp.Response(200, "abcdef"),
                parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3;x=y\r\ndef\r\n0\r\n\r\n"));
        assertEquals(404, parse("HTTP/1.0 404 Not Found\r\n\r\n").status());
    }

    @Test
    void hostileRepliesBecomeStatusZero() {
        for (String bad : new String[] {"", "garbage", "HTTP/1.1 abc\r\n\r\n", "SSH-2.0-OpenSSH\r\n", "HTTP/1.1 200 OK\r\n"}) {
            assertEquals(0, parse(bad).status(), bad);
        }
        assertEquals(200, parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc").status());
        assertEquals("", parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc").body());
    }
}
