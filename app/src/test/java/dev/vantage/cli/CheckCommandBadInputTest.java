package dev.vantage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad argument: exit 2, a clear message on stderr, no stack trace, nothing scanned. */
class CheckCommandBadInputTest {

    static Stream<Arguments> badCommandLines() {
        return Stream.<String[]>of(
                new String[] {"check"},                                        // no target
                new String[] {"check", "no-such-host.invalid"},                 // unknown host
                new String[] {"check", "198.18.0.0/33"},                        // malformed CIDR
                new String[] {"check", "198.18.0.300"},
                new String[] {"check", "::1/200"},
                new String[] {"check", "198.18.0.9-3"},
                new String[] {"check", "-p", "0", "127.0.0.1"},                 // port 0
                new String[] {"check", "-p", "70000", "127.0.0.1"},             // port 70000
                new String[] {"check", "-p", "", "127.0.0.1"},                  // empty list
                new String[] {"check", "-p", "22,,80", "127.0.0.1"},
                new String[] {"check", "-p", "ssh-ish", "127.0.0.1"},
                new String[] {"check", "-iL", "/nonexistent/targets.txt"},     // unreadable file
                new String[] {"check", "--level", "4", "127.0.0.1"},
                new String[] {"check", "--level", "x", "127.0.0.1"},
                new String[] {"check", "--format", "docx", "127.0.0.1"},
                new String[] {"check", "--rate", "-5", "127.0.0.1"},
                new String[] {"check", "--rate", "lots", "127.0.0.1"},
                new String[] {"check", "--max-retries", "99", "127.0.0.1"},
                new String[] {"check", "--min-rtt-timeout", "0", "127.0.0.1"},
                new String[] {"check", "--min-rtt-timeout", "500", "--max-rtt-timeout", "100", "127.0.0.1"},
                new String[] {"check", "--restricted-wait", "-1", "127.0.0.1"},
                new String[] {"check", "--max-in-flight", "0", "127.0.0.1"},
                new String[] {"check", "--max-targets", "10", "198.18.0.0/24"},
                new String[] {"check", "--exclude", "127.0.0.1", "127.0.0.1"},
                new String[] {"check", "-o", "/nonexistent/dir/out.json", "127.0.0.1"},
                new String[] {"check", "--no-such-option", "127.0.0.1"},
                new String[] {"frobnicate"}).map(a -> Arguments.of((Object) a));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void badInputExitsWithTwoAndOneClearSentence(String[] args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), () -> String.join(" ", args) + " → " + run.err());
        assertTrue(run.err().startsWith("vantage: "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertTrue(run.err().lines().count() <= 2, run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnreadableTargetFileIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.txt");
        Files.writeString(file, "127.0.0.1\n");
        assertTrue(file.toFile().setReadable(false));
        CliRun run = CliRun.of("check", "-iL", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(dir.toString()), run.err());
    }
}
