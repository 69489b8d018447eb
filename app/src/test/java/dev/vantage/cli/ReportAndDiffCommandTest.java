package dev.vantage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved results re-rendered in every format, and two checks compared, through the command line. */
class ReportAndDiffCommandTest {
    @Test
    void reRenderAndDiff(@TempDir Path dir) throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        Path before = dir.resolve("before.json");
        Path after = dir.resolve("after.json");
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, lo)) {
            port = s.getLocalPort();
            assertEquals(0, CliRun.of("check", "-p", port + ",1-10", "--format", "json", "-o", before.toString(), "127.0.0.1").exitCode());
        }
        assertEquals(0, CliRun.of("check", "-p", port + ",1-10", "--format", "json", "-o", after.toString(), "127.0.0.1").exitCode());

        for (String format : new String[] {"text", "html", "xml", "csv"}) {
            CliRun r = CliRun.of("report", before.toString(), "--format", format);
            assertEquals(0, r.exitCode(), format + ": " + r.err());
            assertTrue(r.out().contains(String.valueOf(port)), format + " names the open port:\n" + r.out());
        }
        Path pdf = dir.resolve("report.pdf");
        CliRun p = CliRun.of("report", before.toString(), "--format", "pdf", "--lang", "ja", "-o", pdf.toString());
        assertEquals(0, p.exitCode(), p.err());
        assertTrue(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));

        CliRun same = CliRun.of("diff", before.toString(), before.toString());
        assertEquals(0, same.exitCode(), same.err());
        CliRun diff = CliRun.of("diff", before.toString(), after.toString(), "--format", "json");
        assertEquals(4, diff.exitCode(), diff.err());
        JsonNode d = new ObjectMapper().readTree(diff.out());
        assertTrue(d.toString().contains(String.valueOf(port)), d.toString());

        CliRun junk = CliRun.of("report", dir.resolve("missing.json").toString());
        assertEquals(2, junk.exitCode());
        Files.writeString(dir.resolve("not.json"), "{\"schema\": \"something-else\"}");
        assertEquals(2, CliRun.of("report", dir.resolve("not.json").toString()).exitCode());
        Files.writeString(dir.resolve("broken.json"), "{\"schema\": ");
        CliRun broken = CliRun.of("diff", dir.resolve("broken.json").toString(), after.toString());
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().startsWith("vantage: "), broken.err());
    }
}
