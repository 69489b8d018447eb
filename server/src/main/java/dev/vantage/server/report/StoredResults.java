package dev.vantage.server.report;

import dev.vantage.assess.Assessor;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Policy;
import dev.vantage.report.JsonResultReader;
import dev.vantage.report.SavedResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Turns a stored canonical JSON result back into an assessed {@link CheckReport}, through the
 * same reader as {@code vantage report}. That reader takes a file, so the text passes through a
 * private temporary file that is deleted at once.
 */
public final class StoredResults {
    private StoredResults() {}

    public static CheckReport assess(String json, Policy policy) {
        SavedResult saved = read(json);
        return saved.assess(new Assessor(KnowledgeBase.builtin(), policy));
    }

    static SavedResult read(String json) {
        Path tmp = null;
        try {
            try {
                tmp = Files.createTempFile("vantage-report-", ".json",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                tmp = Files.createTempFile("vantage-report-", ".json");
            }
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            return JsonResultReader.read(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage a stored result for reading", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }
}
