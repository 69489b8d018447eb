package dev.vantage.tripwire.session;

import dev.vantage.store.decoy.DecoyCredential;
import dev.vantage.tripwire.parse.Printable;
import dev.vantage.tripwire.parse.Secret;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One client's session with a fake service, bounded: it ends when the client has sent
 * {@code captureLimit} bytes, when the deadline passes, or at end of stream, whichever comes
 * first; reads then return nothing. Keeps the transcript of what the client sent (passwords
 * replaced by a marker) and the credentials tried (passwords only as salted hashes). Used by one
 * thread.
 */
public final class Conversation {
    /** Why reading stopped. */
    public enum End { NONE, EOF, TIMEOUT, LIMIT }

    private static final int MAX_CREDENTIALS = 10;
    private static final int MARKER_ROOM = 512;

    private final ClientLink link;
    private final PasswordHasher hasher;
    private final LongSupplier nanoTime;
    private final long deadline;
    private final int captureLimit;
    private final byte[] inbox = new byte[512];
    private int pos;
    private int lim;
    private int received;
    private End end = End.NONE;
    private boolean afterBareCr;
    private final ByteArrayOutputStream transcript;
    private final List<DecoyCredential> credentials = new ArrayList<>();

    public Conversation(ClientLink link, PasswordHasher hasher, int captureLimit, long timeoutMillis, LongSupplier nanoTime) {
        if (captureLimit < 64) throw new IllegalArgumentException("capture limit below 64 bytes");
        this.link = link;
        this.hasher = hasher;
        this.nanoTime = nanoTime;
        this.deadline = nanoTime.getAsLong() + timeoutMillis * 1_000_000L;
        this.captureLimit = captureLimit;
        this.transcript = new ByteArrayOutputStream(256);
    }

    // ---- talking ----

    public void send(String ascii) throws IOException {
        link.write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) throws IOException {
        link.write(bytes);
    }

    /**
     * The next line the client sends, with its terminator (LF, CR LF, CR NUL, or a bare CR), or
     * what came before the stream ended; null when nothing more comes. Not yet in the transcript:
     * the caller keeps it, plainly or with its secret cut out.
     */
    public byte @Nullable [] readLine() throws IOException {
        if (afterBareCr) {
            afterBareCr = false;
            if (available() || fill()) {
                byte next = inbox[pos];
                if (next == '\n' || next == 0) {    // the second half of a CR LF / CR NUL split across reads
                    pos++;
                    keep(new byte[] {next});
                }
            }
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (available() || fill()) {
            byte b = inbox[pos++];
            line.write(b);
            if (b == '\n') return line.toByteArray();
            if (b == '\r') {
                if (available()) {
                    byte next = inbox[pos];
                    if (next == '\n' || next == 0) {
                        pos++;
                        line.write(next);
                    }
                } else {
                    afterBareCr = true;
                }
                return line.toByteArray();
            }
        }
        return line.size() > 0 ? line.toByteArray() : null;
    }

    /** Whatever the client sends within {@code waitMillis} (what is buffered first), possibly nothing. */
    public byte[] readAvailable(int waitMillis) throws IOException {
        if (!available() && end == End.NONE) fill(waitMillis);
        byte[] out = Arrays.copyOfRange(inbox, pos, lim);
        pos = lim;
        return out;
    }

    /** Up to {@code n} more bytes (less at the end of the stream, the deadline or the size limit). */
    public byte[] readUpTo(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(n, captureLimit));
        while (out.size() < n && (available() || fill())) {
            int take = Math.min(n - out.size(), lim - pos);
            out.write(inbox, pos, take);
            pos += take;
        }
        return out.toByteArray();
    }

    // ---- recording ----

    /** Adds bytes the client sent to the transcript as they are. */
    public void keep(byte[] bytes) {
        int room = captureLimit + MARKER_ROOM - transcript.size();
        if (room > 0) transcript.write(bytes, 0, Math.min(room, bytes.length));
    }

    /**
     * Adds a line that carries a secret: the first {@code prefixLength} bytes as they are (e.g.
     * {@code PASS }), then a marker in place of the secret, then the line's terminator.
     */
    public void keepSecret(byte[] line, int prefixLength) {
        int prefix = Math.max(0, Math.min(prefixLength, line.length));
        int stop = line.length;
        while (stop > prefix && (line[stop - 1] == '\r' || line[stop - 1] == '\n' || line[stop - 1] == 0)) stop--;
        keep(Arrays.copyOfRange(line, 0, prefix));
        keep(Secret.markerBytes(stop - prefix));
        keep(Arrays.copyOfRange(line, stop, line.length));
    }

    /**
     * Records a login tried: the user name, and the password as a salted hash and a length. The
     * password array is overwritten afterwards.
     */
    public void credential(@Nullable String user, byte @Nullable [] password) {
        if (credentials.size() >= MAX_CREDENTIALS) {
            if (password != null) Arrays.fill(password, (byte) 0);
            return;
        }
        String name = user == null ? "" : user;
        if (password == null) {
            credentials.add(DecoyCredential.userOnly(name));
            return;
        }
        credentials.add(new DecoyCredential(name, hasher.hash(password), password.length));
        Arrays.fill(password, (byte) 0);
    }

    public void credential(Secret secret) {
        credential(secret.user(), secret.password());
    }

    // ---- state ----

    /** True once reading has stopped for good (end of stream, deadline, size limit). */
    public boolean ended() {
        return end != End.NONE && !available();
    }

    public End end() {
        return end;
    }

    public int received() {
        return received;
    }

    public byte[] transcript() {
        return transcript.toByteArray();
    }

    public List<DecoyCredential> credentials() {
        return List.copyOf(credentials);
    }

    private boolean available() {
        return pos < lim;
    }

    private boolean fill() throws IOException {
        return fill(Integer.MAX_VALUE);
    }

    /** Reads more into the empty inbox; false when nothing came (and then {@link #end} says why, if for good). */
    private boolean fill(int maxWaitMillis) throws IOException {
        if (end != End.NONE) return false;
        long left = (deadline - nanoTime.getAsLong()) / 1_000_000L;
        if (left <= 0) {
            end = End.TIMEOUT;
            return false;
        }
        int room = captureLimit - received;
        if (room <= 0) {
            end = End.LIMIT;
            return false;
        }
        int wait = (int) Math.min(left, maxWaitMillis);
        int n = link.read(inbox, 0, Math.min(inbox.length, room), wait);
        if (n < 0) {
            end = End.EOF;
            return false;
        }
        pos = 0;
        lim = n;
        received += n;
        if (n == 0 && wait == left) end = End.TIMEOUT;
        return n > 0;
    }
}
