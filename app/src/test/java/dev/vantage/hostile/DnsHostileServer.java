package dev.vantage.hostile;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/**
 * A DNS server on port 53 (TCP and UDP) whose every answer is hostile. It echoes the query's id
 * and question, so the reply looks like the answer to what was asked, and then:
 * <ul>
 *   <li>{@link Mode#COMPRESSION_LOOP}: answer names that point at themselves and at each other;</li>
 *   <li>{@link Mode#OVERSIZED}: 65 535 answers announced, one TXT record of about 60 KB present,
 *       its length field claiming more than that.</li>
 * </ul>
 */
public final class DnsHostileServer extends HostileServer {
    public enum Mode { COMPRESSION_LOOP, OVERSIZED }

    private final Mode mode;
    private final DatagramSocket udp;

    public DnsHostileServer(InetAddress address, Mode mode) throws IOException {
        super(address, 53, 50);
        this.mode = mode;
        DatagramSocket socket;
        try {
            socket = new DatagramSocket(new InetSocketAddress(address, 53));
        } catch (IOException e) {
            super.close();   // the TCP listener is already bound
            throw e;
        }
        this.udp = socket;
    }

    @Override
    public HostileServer start() {
        Thread.ofPlatform().daemon().name("hostile-dns-udp").start(this::udpLoop);
        return super.start();
    }

    private void udpLoop() {
        byte[] buf = new byte[4096];
        for (int i = 0; i < MAX_CONNECTIONS && !isClosed(); i++) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
                byte[] reply = reply(Arrays.copyOf(p.getData(), p.getLength()), 65_000);
                udp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
            } catch (IOException e) {
                if (isClosed()) return;
            }
        }
    }

    @Override
    protected void serve(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        for (int i = 0; i < 100; i++) {
            int length = in.readUnsignedShort();
            byte[] query = in.readNBytes(length);
            if (query.length < length) return;
            byte[] reply = reply(query, 65_535);
            out.write(new byte[] {(byte) (reply.length >> 8), (byte) reply.length});
            out.write(reply);
            out.flush();
        }
    }

    /** The hostile reply to {@code query}, at most {@code max} bytes. */
    byte[] reply(byte[] query, int max) {
        if (query.length < 12) query = Arrays.copyOf(query, 12);   // other probes send what is no DNS query at all
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        int questionEnd = questionEnd(query);
        m.write(query.length > 1 ? query[0] : 0);
        m.write(query.length > 1 ? query[1] : 0);
        m.writeBytes(new byte[] {(byte) 0x81, (byte) 0x80, 0, (byte) (questionEnd > 12 ? 1 : 0)});
        if (mode == Mode.COMPRESSION_LOOP) {
            m.writeBytes(new byte[] {0, 3, 0, 0, 0, 0});
            m.write(query, 12, questionEnd - 12);
            int self = m.size();
            m.writeBytes(new byte[] {(byte) (0xc0 | self >> 8), (byte) self});          // a name that is itself
            m.writeBytes(new byte[] {0, 16, 0, 1, 0, 0, 0, 60, 0, 2, 1, 'x'});
            int a = m.size();
            m.writeBytes(new byte[] {1, 'a', (byte) (0xc0 | (a + 4) >> 8), (byte) (a + 4)});   // a → b
            m.writeBytes(new byte[] {1, 'b', (byte) (0xc0 | a >> 8), (byte) a});              // b → a
            m.writeBytes(new byte[] {0, 16, 0, 1, 0, 0, 0, 60, 0, 2, 1, 'y'});
            m.writeBytes(new byte[] {(byte) 0xc0, 12, 0, 5, 0, 1, 0, 0, 0, 60, 0, 2, (byte) 0xc0, (byte) (a + 4)});
        } else {
            m.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, 0, 0, 0, 0});
            m.write(query, 12, questionEnd - 12);
            m.writeBytes(new byte[] {(byte) 0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60, (byte) 0xff, (byte) 0xff});
            byte[] text = new byte[256];
            Arrays.fill(text, (byte) 'A');
            text[0] = (byte) 255;
            while (m.size() + text.length <= max) m.writeBytes(text);
        }
        return m.toByteArray();
    }

    private static int questionEnd(byte[] q) {
        int i = 12;
        while (i < q.length && q[i] != 0 && (q[i] & 0xc0) == 0) i += 1 + q[i];
        return Math.min(q.length, i + 5);
    }

    @Override
    public void close() {
        super.close();
        udp.close();
    }
}
