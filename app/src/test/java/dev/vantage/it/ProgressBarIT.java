package dev.vantage.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The progress bar appears on a terminal's stderr (a pseudo-terminal from script(1)), and stdout stays clean. */
class ProgressBarIT {
    @Test
    void aTerminalGetsAProgressBarAndStdoutStaysClean() throws Exception {
        assumeTrue(Netns.run(5, "sh", "-c", "command -v script").exitCode() == 0, "needs script(1)");
        Path out = Files.createTempFile("vantage-progress", ".json");
        try {
            String inner = Netns.java() + " -jar " + Netns.jar() + " check -p 1-20000 --format json 127.0.0.1 > " + out;
            Netns.Result r = Netns.run(120, "script", "-q", "-e", "-c", inner, "/dev/null");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("/20000 ports"), "progress bar on the terminal: " + r.out());
            assertTrue(r.out().contains("ETA"), r.out());
            String json = Files.readString(out);
            assertTrue(json.startsWith("{"), "stdout is the clean result");
            assertFalse(json.contains("ETA"));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
