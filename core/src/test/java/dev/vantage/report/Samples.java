package dev.vantage.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps what a test rendered under target/report-samples/, to look at after the build. */
public final class Samples {
    private Samples() {}

    public static Path write(String name, byte[] content) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "report-samples"));
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
