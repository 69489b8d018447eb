package dev.vantage.tripwire.record;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.vantage.store.decoy.DecoyCredential;
import dev.vantage.store.decoy.DecoyEvent;
import dev.vantage.tripwire.parse.Printable;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

/**
 * The events as JSON lines, appended to a file (one object per line, UTF-8), for tools such as
 * {@code jq} and log shippers. Used by the writer thread only. Rotation: {@code logrotate} with
 * {@code copytruncate}.
 */
public final class JsonLinesLog implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final OutputStream out;

    private JsonLinesLog(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** Opens (creating it readable by its owner only) or appends to {@code file}. */
    public static JsonLinesLog open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException | java.nio.file.FileAlreadyExistsException e) {
                // not POSIX, or created meanwhile: open as it is
            }
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new JsonLinesLog(file, new BufferedOutputStream(out, 64 * 1024));
    }

    public Path file() {
        return file;
    }

    /** Appends one line per event and flushes. */
    public void write(List<DecoyEvent> events) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(new SerializedString(""));
            for (DecoyEvent e : events) {
                writeEvent(g, e);
                g.writeRaw('\n');
            }
        }
        out.flush();
    }

    static void writeEvent(JsonGenerator g, DecoyEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("time", e.seenAt().toString());
        g.writeStringField("source", e.sourceAddress());
        g.writeNumberField("source_port", e.sourcePort());
        g.writeStringField("host", e.hostAddress());
        g.writeNumberField("port", e.port());
        g.writeStringField("banner", e.banner());
        g.writeStringField("outcome", e.outcome().label());
        g.writeNumberField("attempts", e.attempts());
        g.writeNumberField("bytes", e.bytesReceived());
        if (e.firstLine() != null) g.writeStringField("first_line", e.firstLine());
        if (e.firstBytes().length > 0) {
            g.writeStringField("first_bytes", Printable.escape(e.firstBytes()));
            g.writeStringField("first_bytes_base64", Base64.getEncoder().encodeToString(e.firstBytes()));
        }
        if (!e.credentials().isEmpty()) {
            g.writeArrayFieldStart("credentials");
            for (DecoyCredential c : e.credentials()) {
                g.writeStartObject();
                g.writeStringField("user", c.user());
                if (c.passwordSha256() != null) {
                    g.writeStringField("password_sha256", c.passwordSha256());
                    g.writeNumberField("password_length", c.passwordLength());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("id", e.id().toString());
        g.writeStringField("run", e.runId().toString());
        g.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
