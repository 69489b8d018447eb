package dev.vantage.probe.dns;

import dev.vantage.probe.Connection;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * DNS over TCP (RFC 1035 §4.2.2, RFC 7766): each message is preceded by its length in two bytes.
 * Every read goes through the bounded {@link Connection}.
 */
public final class DnsTcp {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A zone transfer reads many messages; a single reply is never longer than this. */
    public static final int MAX_MESSAGE = 65535;

    private DnsTcp() {}

    /** A fresh random transaction id (a predictable one would make spoofed replies easy for UDP users of the codec). */
    public static int newId() {
        return RANDOM.nextInt(0x10000);
    }

    /** Writes one length-prefixed message. */
    public static void send(Connection c, byte[] message) throws IOException {
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        c.write(framed);
    }

    /** Reads one length-prefixed message and parses it. */
    public static DnsMessage receive(Connection c) throws IOException {
        byte[] len = c.readExactly(2);
        int n = ((len[0] & 0xff) << 8) | (len[1] & 0xff);
        if (n < 12) throw new IOException("a DNS message of " + n + " bytes is too short");
        Optional<DnsMessage> m = DnsMessage.parse(c.readExactly(n));
        if (m.isEmpty()) throw new IOException("the reply is not a well-formed DNS message");
        return m.get();
    }

    /** Sends a query and reads its reply on one connection; the reply must answer this query. */
    public static DnsMessage exchange(Connection c, byte[] query) throws IOException {
        send(c, query);
        DnsMessage reply = receive(c);
        int id = ((query[0] & 0xff) << 8) | (query[1] & 0xff);
        if (reply.id() != id || !reply.isResponse()) throw new IOException("the reply does not answer our query");
        return reply;
    }
}
