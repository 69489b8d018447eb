package dev.vantage.scan.internal;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SynPacketTest {

    @Test
    void aBuiltSynChecksumsToZeroWithItsPseudoHeader() {
        byte[] src = {(byte) 198, 18, 0, 1};
        byte[] dst = {(byte) 198, 19, (byte) 255, (byte) 254};
        ByteBuffer b = ByteBuffer.allocate(64);
        for (int port : new int[] {1, 80, 443, 65535}) {
            SynLane.writeSyn(b, src, dst, 40001, port, 0x89abcdef);
            // The internet checksum over a segment that carries its own checksum is zero.
            assertEquals(0, SynLane.checksum(b, src, dst, 20), "port " + port);
            assertEquals(0x02, b.get(13), "the SYN flag alone");
            assertEquals(port, ((b.get(2) & 0xff) << 8) | (b.get(3) & 0xff));
            assertEquals(0x89abcdef, b.getInt(4));
        }
    }

    @Test
    void aKnownSegmentHasTheKnownChecksum() {
        // 127.0.0.1:12345 -> 127.0.0.1:80, seq 1, window 1024: the checksum worked out by hand below.
        byte[] lo = {127, 0, 0, 1};
        ByteBuffer b = ByteBuffer.allocate(64);
        SynLane.writeSyn(b, lo, lo, 12345, 80, 1);
        // words: 7f00 0001 7f00 0001 0006 0014 | 3039 0050 0000 0001 0000 0000 5002 0400 0000 0000
        long sum = 0x7f00 + 0x0001 + 0x7f00 + 0x0001 + 0x0006 + 0x0014
                + 0x3039 + 0x0050 + 0x0000 + 0x0001 + 0x5002 + 0x0400;
        while ((sum >>> 16) != 0) sum = (sum & 0xffff) + (sum >>> 16);
        int expected = (int) (~sum & 0xffff);
        assertEquals(expected, ((b.get(16) & 0xff) << 8) | (b.get(17) & 0xff));
    }
}
