package dev.vantage.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check command's options are declared in one place (its model) and read in another
 * ({@code takeValues}): every option given on a command line must reach its field, and an
 * option not given must leave the documented default.
 */
class CheckCommandOptionsTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private static CheckCommand parsed(String... args) {
        CheckCommand c = new CheckCommand(NOWHERE, NOWHERE);
        new CommandLine(CheckCommand.spec(c, CommandLine.defaultFactory())).parseArgs(args);
        c.takeValues();
        return c;
    }

    @Test
    void everyOptionGivenReachesItsField() {
        CheckCommand c = parsed("-iL", "t.txt", "--level", "3", "-p", "22,80", "--format", "json", "-o", "out.json",
                "--show-all", "--rate", "50", "--first-address", "--exclude", "198.18.0.2,198.18.0.3", "--exclude", "198.18.0.4",
                "--max-targets", "9", "--max-retries", "4", "--initial-rtt-timeout", "700", "--min-rtt-timeout", "30",
                "--max-rtt-timeout", "900", "--restricted-wait", "40", "--scan-method", "connect", "--max-in-flight", "64",
                "--host-parallelism", "8", "--relay-domain", "relay.example.org", "--policy", "p.yaml", "--lang", "ja",
                "--vantage", "home", "--fail-on", "medium", "--intrusive", "-pU", "53,123", "--scan-only", "--dry-run",
                "--db", "jdbc:h2:mem:x", "--data-dir", "dd", "198.18.0.1", "198.18.0.9");
        assertEquals(List.of("198.18.0.1", "198.18.0.9"), c.targets);
        assertEquals(Path.of("t.txt"), c.targetFile);
        assertEquals(3, c.level);
        assertEquals("22,80", c.ports);
        assertEquals("json", c.format);
        assertEquals(Path.of("out.json"), c.output);
        assertTrue(c.showAll);
        assertEquals(50, c.rate);
        assertTrue(c.firstAddress);
        assertEquals(List.of("198.18.0.2", "198.18.0.3", "198.18.0.4"), c.excludes);
        assertEquals(9, c.maxTargets);
        assertEquals(4, c.maxRetries);
        assertEquals(700L, c.initialTimeout);
        assertEquals(30L, c.minTimeout);
        assertEquals(900L, c.maxTimeout);
        assertEquals(40L, c.restrictedWait);
        assertEquals("connect", c.scanMethod);
        assertEquals(64, c.maxInFlight);
        assertEquals(8, c.hostParallelism);
        assertEquals("relay.example.org", c.relayDomain);
        assertEquals(Path.of("p.yaml"), c.policyFile);
        assertEquals("ja", c.lang);
        assertEquals("home", c.vantage);
        assertEquals("medium", c.failOn);
        assertTrue(c.intrusive);
        assertEquals("53,123", c.udpPorts);
        assertTrue(c.scanOnly);
        assertTrue(c.dryRun);
        assertEquals("jdbc:h2:mem:x", c.tripwireStore.db);
        assertEquals(Path.of("dd"), c.tripwireStore.dataDir);
    }

    @Test
    void optionsNotGivenKeepTheirDefaults() {
        CheckCommand c = parsed("198.18.0.1");
        assertEquals(List.of("198.18.0.1"), c.targets);
        assertEquals(1, c.level);
        assertEquals("text", c.format);
        assertEquals(0, c.rate);
        assertEquals(65536, c.maxTargets);
        assertEquals("auto", c.scanMethod);
        assertEquals(List.of(), c.excludes);
        assertFalse(c.showAll || c.firstAddress || c.intrusive || c.scanOnly || c.dryRun);
        assertNull(c.targetFile);
        assertNull(c.ports);
        assertNull(c.output);
        assertNull(c.maxRetries);
        assertNull(c.initialTimeout);
        assertNull(c.minTimeout);
        assertNull(c.maxTimeout);
        assertNull(c.restrictedWait);
        assertNull(c.maxInFlight);
        assertNull(c.hostParallelism);
        assertNull(c.relayDomain);
        assertNull(c.policyFile);
        assertNull(c.lang);
        assertNull(c.vantage);
        assertNull(c.failOn);
        assertNull(c.udpPorts);
        assertNull(c.tripwireStore.db);
        assertNull(c.tripwireStore.dataDir);
        assertEquals(List.of(), parsed().targets);
    }

    @Test
    void theFirstTestCoversEveryOptionOfTheModel() {
        // A new option added to the model but not to takeValues and the test above fails here.
        Set<String> named = new HashSet<>();
        for (OptionSpec o : CheckCommand.spec(new CheckCommand(NOWHERE, NOWHERE), CommandLine.defaultFactory()).options()) {
            if (!o.usageHelp()) named.add(o.longestName());
        }
        assertEquals(Set.of("-iL", "--level", "--ports", "--format", "--output", "--show-all", "--rate", "--first-address",
                "--exclude", "--max-targets", "--max-retries", "--initial-rtt-timeout", "--min-rtt-timeout", "--max-rtt-timeout",
                "--restricted-wait", "--scan-method", "--max-in-flight", "--host-parallelism", "--relay-domain", "--policy",
                "--lang", "--vantage", "--fail-on", "--intrusive", "--udp-ports", "--scan-only", "--dry-run", "--db", "--data-dir"), named);
    }
}
