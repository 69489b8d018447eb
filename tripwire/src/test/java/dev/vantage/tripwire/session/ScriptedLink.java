package dev.vantage.tripwire.session;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A client that sends fixed chunks (one per read) and then ends the stream; keeps what the server wrote. */
final class ScriptedLink implements ClientLink {
    private final Deque<byte[]> chunks;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    ScriptedLink(List<byte[]> chunks) {
        this.chunks = new ArrayDeque<>(chunks);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMillis) {
        byte[] next = chunks.poll();
        if (next == null) return -1;
        int n = Math.min(length, next.length);
        System.arraycopy(next, 0, buffer, offset, n);
        if (n < next.length) chunks.push(java.util.Arrays.copyOfRange(next, n, next.length));
        return n;
    }

    @Override
    public void write(byte[] bytes) {
        written.writeBytes(bytes);
    }

    String written() {
        return written.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
