package dev.vantage.cli;

import dev.vantage.BadInputException;
import org.jspecify.annotations.Nullable;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command writes its result: standard output, or a file that is written beside its final
 * name and renamed into place only when complete (so a crash or a full disk never leaves a
 * half-written report). Devices and pipes are written directly. Reports are confidential: new
 * files are readable by their owner only.
 */
final class OutputTarget implements AutoCloseable {
    private final @Nullable Path target;
    private final @Nullable Path partial;
    private final OutputStream stream;
    private boolean committed;

    private OutputTarget(@Nullable Path target, @Nullable Path partial, OutputStream stream) {
        this.target = target;
        this.partial = partial;
        this.stream = stream;
    }

    static OutputTarget open(@Nullable Path file, OutputStream stdout) {
        if (file == null) return new OutputTarget(null, null, new NonClosing(stdout));
        boolean direct = Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
        if (Files.isDirectory(file)) throw new BadInputException("Cannot write to '" + file + "': it is a directory.");
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException("Cannot write to '" + file + "': the directory does not exist.");
        }
        Path partial = direct ? null : dir.resolve("." + file.getFileName() + ".partial");
        try {
            Path writeTo = partial != null ? partial : file;
            OutputStream out = Files.newOutputStream(writeTo);
            if (partial != null) ownerOnly(partial);
            // A large buffer: a full --show-all listing is megabytes, which the generator hands over in 8 kB pieces.
            return new OutputTarget(file, partial, new BufferedOutputStream(out, 1 << 20));
        } catch (IOException | UnsupportedOperationException e) {
            throw new BadInputException("Cannot write to '" + file + "'; check that the directory is writable.");
        }
    }

    private static void ownerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: keep the default permissions
        }
    }

    OutputStream stream() {
        return stream;
    }

    /** The output is complete: move it into place. */
    void commit() {
        try {
            stream.flush();
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
        if (partial == null || target == null) return;
        if (committed) Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        else Files.deleteIfExists(partial);
    }

    /** Standard output stays open for whatever the process prints afterwards. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
