package dev.vantage.report;

import com.fasterxml.jackson.core.SerializableString;
import dev.vantage.result.PortReport;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A run of quiet ports (closed or filtered, nothing else to say) as JSON array elements, built
 * as ASCII bytes and handed to Jackson as one raw value. A full --show-all scan is 65 535 such
 * lines: building each as a String and letting the generator re-encode its chars cost more than
 * the rest of the report together, so the lines are written byte by byte here, with the
 * constant parts of each (protocol, state, reason) encoded once. Reused; not thread-safe.
 *
 * <p>Each line reads {@code {"port": 22, "protocol": "tcp", "state": "closed", "reason":
 * "conn-refused", "rtt_ms": 0.05, "attempts": 1}}, the same fields as every port entry.
 */
final class QuietPortLines implements SerializableString {
    /** Below the generator's own buffer (8000 bytes), so a run is copied straight into it. */
    static final int FLUSH_AT = 3500;

    private byte[] bytes = new byte[FLUSH_AT + 512];
    private int length;
    /** The constant part of a line after the port number, per (protocol, state, reason), encoded on first use. */
    private final byte[][] middles = new byte[Protocol.values().length * STATES * REASONS][];
    private static final int STATES = PortState.values().length;
    private static final int REASONS = Reason.values().length;

    boolean isEmpty() {
        return length == 0;
    }

    boolean full() {
        return length >= FLUSH_AT;
    }

    void clear() {
        length = 0;
    }

    /** Replaces the contents with a run rendered earlier by another instance (see {@link PreparedQuietRuns}). */
    void load(byte[] rendered) {
        length = 0;
        put(rendered);
    }

    /**
     * Appends the quiet TCP ports of {@code ports} from {@code from} on, until one that is not
     * quiet TCP, the end, or {@link #full()}; returns the index it stopped at. The loop is here,
     * in a method called once per run rather than once per listing, so that the JVM compiles it
     * early in a 65 535-port listing instead of interpreting nearly all of it.
     */
    int addQuietTcp(List<PortReport> ports, int from) {
        int n = ports.size();
        int i = from;
        while (i < n && length < FLUSH_AT) {
            PortReport p = ports.get(i);
            if (!p.quietTcp()) break;
            add(p);
            i++;
        }
        return i;
    }

    /** Appends one port's element; elements after the first in the run get the separating comma. */
    void add(PortReport p) {
        if (length > 0) put((byte) ',');
        put(START);
        putInt(p.port());
        put(middle(p));
        if (p.rttMicros() >= 0) putMillis(p.rttMicros());
        else put(NULL);
        put(ATTEMPTS);
        putInt(p.attempts());
        put((byte) '}');
    }

    private byte[] middle(PortReport p) {
        int k = (p.protocol().ordinal() * STATES + p.state().ordinal()) * REASONS + p.reason().ordinal();
        byte[] m = middles[k];
        if (m == null) {
            m = ascii(", \"protocol\": \"" + p.protocol().label() + "\", \"state\": \"" + p.state().label()
                    + "\", \"reason\": \"" + p.reason().label() + "\", \"rtt_ms\": ");
            middles[k] = m;
        }
        return m;
    }

    private static final byte[] START = ascii("\n      {\"port\": ");
    private static final byte[] NULL = ascii("null");
    private static final byte[] ATTEMPTS = ascii(", \"attempts\": ");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Milliseconds with at most two decimals, as {@code Double.toString(Math.round(us / 10.0) / 100.0)}
     * prints them (0.05, 1.5, 2.0, 1234.56) below 10 million ms (Double switches to exponent form
     * there; the scan gives up on an attempt within seconds).
     */
    private void putMillis(long micros) {
        long hundredths = Math.round(micros / 10.0);
        putInt(hundredths / 100);
        put((byte) '.');
        int frac = (int) (hundredths % 100);
        if (frac == 0) {
            put((byte) '0');
        } else if (frac % 10 == 0) {
            put((byte) ('0' + frac / 10));
        } else {
            put((byte) ('0' + frac / 10));
            put((byte) ('0' + frac % 10));
        }
    }

    /** A count or port number (never negative here). */
    private void putInt(long v) {
        ensure(20);
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
    }

    private void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }

    // ---- what the generator asks of a raw value: the unquoted bytes ----

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + length > buffer.length) return -1;
        System.arraycopy(bytes, 0, buffer, offset, length);
        return length;
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
        return length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (buffer.remaining() < length) return -1;
        buffer.put(bytes, 0, length);
        return length;
    }

    @Override
    public String getValue() {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    @Override
    public int charLength() {
        return length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        if (offset + length > buffer.length) return -1;
        for (int i = 0; i < length; i++) buffer[offset + i] = (char) bytes[i];
        return length;
    }

    // A raw value is never written as a quoted string.

    @Override
    public char[] asQuotedChars() {
        throw new UnsupportedOperationException("raw JSON is not a string");
    }

    @Override
    public byte[] asQuotedUTF8() {
        throw new UnsupportedOperationException("raw JSON is not a string");
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        throw new UnsupportedOperationException("raw JSON is not a string");
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        throw new UnsupportedOperationException("raw JSON is not a string");
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
        throw new UnsupportedOperationException("raw JSON is not a string");
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        throw new UnsupportedOperationException("raw JSON is not a string");
    }
}
