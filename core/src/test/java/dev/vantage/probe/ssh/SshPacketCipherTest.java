package dev.vantage.probe.ssh;

import dev.vantage.probe.Connection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every cipher and MAC combination the client can negotiate: packets sealed by one side are
 * opened by the other through a real loopback socket, with sequence numbers running on; a
 * flipped bit is caught by the MAC (or the GCM tag).
 */
class SshPacketCipherTest {
    private static final Random RANDOM = new Random(7);

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Writes {@code wire} from a loopback server and reads it back through a {@link Connection}. */
    private static List<byte[]> roundTrip(byte[] wire, SshPacketCipher in, int packets) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread writer = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(wire);
                    out.flush();
                    s.getInputStream().read();   // hold the connection until the reader is done
                } catch (IOException ignored) {
                    // the reader closed first
                }
            });
            List<byte[]> got = new ArrayList<>();
            try (Connection c = Connection.open((InetSocketAddress) server.getLocalSocketAddress(), Duration.ofSeconds(2),
                    Duration.ofSeconds(2), Duration.ofSeconds(5))) {
                for (int i = 0; i < packets; i++) got.add(in.open(c, 3 + i));
            } finally {
                writer.interrupt();
            }
            return got;
        }
    }

    private static void check(String cipher, String mac) throws Exception {
        byte[] key = bytes(SshPacketCipher.keyLength(cipher));
        byte[] iv = bytes(SshPacketCipher.ivLength(cipher));
        byte[] macKey = bytes(mac.isEmpty() ? 0 : SshPacketCipher.macKeyLength(mac));
        SshPacketCipher out = SshPacketCipher.create(cipher, mac, true, key, iv, macKey);
        List<byte[]> payloads = List.of(bytes(1), bytes(15), bytes(16), bytes(300));
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < payloads.size(); i++) wire.writeBytes(out.seal(payloads.get(i), 3 + i));
        List<byte[]> got = roundTrip(wire.toByteArray(), SshPacketCipher.create(cipher, mac, false, key, iv, macKey), payloads.size());
        for (int i = 0; i < payloads.size(); i++) assertArrayEquals(payloads.get(i), got.get(i), cipher + " " + mac + " packet " + i);

        byte[] tampered = SshPacketCipher.create(cipher, mac, true, key, iv, macKey).seal(bytes(40), 3);
        tampered[tampered.length - 20] ^= 1;
        SshPacketCipher in = SshPacketCipher.create(cipher, mac, false, key, iv, macKey);
        assertThrows(IOException.class, () -> roundTrip(tampered, in, 1), cipher + " " + mac + " must notice tampering");
    }

    @Test
    void everyCombinationRoundTrips() throws Exception {
        for (String cipher : SshPacketCipher.CIPHERS) {
            if (SshPacketCipher.isAead(cipher)) {
                check(cipher, "");
                continue;
            }
            for (String mac : SshPacketCipher.MACS) check(cipher, mac);
        }
    }

    @Test
    void plainPacketsRoundTrip() throws Exception {
        byte[] payload = bytes(33);
        byte[] wire = SshPacketCipher.plain().seal(payload, 0);
        assertArrayEquals(payload, roundTrip(wire, SshPacketCipher.plain(), 1).get(0));
        byte[] bad = Arrays.copyOf(wire, wire.length);
        bad[0] = (byte) 0x7f;   // a length no SSH packet has
        assertThrows(SshFormatException.class, () -> roundTrip(bad, SshPacketCipher.plain(), 1));
    }
}
