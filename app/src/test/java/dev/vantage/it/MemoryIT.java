package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Memory does not grow with the number of closed ports: 65 536 hosts × 10 ports in a 256 MB heap.
 * All of 127.0.0.0/16 is loopback, so this runs in a namespace of its own with only lo.
 */
class MemoryIT {
    @Test
    void sixtyFiveThousandHostsTimesTenPortsFitIn256Megabytes() throws Exception {
        assumeTrue(Netns.usable(), "needs root and ip");
        Path out = Files.createTempFile("vantage-memory", ".json");
        try (Netns net = new Netns()) {
            net.add("vt-it-mem");
            Netns.Result r = net.execAllowingFailure(300, "vt-it-mem", Netns.java(), "-Xmx256m", "-XX:+UseSerialGC",
                    "--enable-native-access=ALL-UNNAMED",   // the lanes the launcher uses on Java 22+
                    "-XX:+ExitOnOutOfMemoryError", "-jar", Netns.jar(), "check", "-p", "1-10", "--format", "json",
                    "-o", out.toString(), "127.0.0.0/16");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode result = new ObjectMapper().readTree(out.toFile());
            assertEquals(65536, result.get("hosts").size());
            assertEquals(655360, result.get("totals").get("closed").asInt() + result.get("totals").get("open").asInt()
                    + result.get("totals").get("open_restricted").asInt());
            assertEquals(0, result.get("totals").get("filtered").asInt());
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
