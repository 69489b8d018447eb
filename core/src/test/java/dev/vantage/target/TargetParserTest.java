package dev.vantage.target;

import dev.vantage.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetParserTest {
    /** A fake resolver: "mail.example.test" has two addresses, everything else is unknown. */
    private static final HostResolver FAKE = name -> {
        if (name.equals("mail.example.test")) {
            return new InetAddress[] {InetAddress.getByName("198.18.0.25"), InetAddress.getByName("2001:db8::25")};
        }
        throw new UnknownHostException(name);
    };

    private static List<String> addresses(String... specs) {
        return new TargetParser(FAKE, true, 65536).parse(List.of(specs), List.of()).stream().map(Target::addressText).toList();
    }

    @Test
    void literalsOfBothFamilies() {
        assertEquals(List.of("198.18.0.1", "::1", "2001:db8::1"), addresses("198.18.0.1", "::1", "[2001:db8:0:0::1]"));
    }

    @Test
    void cidrExpandsEveryAddressFromTheNetworkStart() {
        List<String> a = addresses("198.18.0.7/30");
        assertEquals(List.of("198.18.0.4", "198.18.0.5", "198.18.0.6", "198.18.0.7"), a);
        assertEquals(256, addresses("198.18.1.0/24").size());
        assertEquals(List.of("2001:db8::", "2001:db8::1", "2001:db8::2", "2001:db8::3"), addresses("2001:db8::2/126"));
        assertEquals(List.of("198.18.0.9"), addresses("198.18.0.9/32"));
    }

    @Test
    void rangesInTheLastOctetOrInFull() {
        assertEquals(20, addresses("198.18.0.1-20").size());
        assertEquals(List.of("198.18.0.255", "198.18.1.0", "198.18.1.1"), addresses("198.18.0.255-198.18.1.1"));
    }

    @Test
    void hostnamesResolveToEveryAddressOrTheFirst() {
        assertEquals(List.of("198.18.0.25", "2001:db8::25"), addresses("mail.example.test"));
        List<Target> first = new TargetParser(FAKE, false, 10).parse(List.of("mail.example.test"), List.of());
        assertEquals(1, first.size());
        assertEquals("mail.example.test", first.getFirst().name());
    }

    @Test
    void duplicatesCollapseAndExcludesApply() {
        List<Target> t = new TargetParser(FAKE, true, 100).parse(List.of("198.18.0.1-4", "198.18.0.2"), List.of("198.18.0.3"));
        assertEquals(List.of("198.18.0.1", "198.18.0.2", "198.18.0.4"), t.stream().map(Target::addressText).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.18.0.256", "198.18.0.1/33", "198.18.0.1/", "198.18.0.1/x", "::1/129", "198.18.0.20-10",
            "198.18.0.1-300", "198.18.0", "1.2.3.4.5", "not a host", "-x", "", "2001:db8::g", "[::1", "host_name..bad",
            "198.18.0.1-198.18.0", "unknown.invalid"})
    void badSpecsAreOneSentenceErrors(String spec) {
        BadInputException e = assertThrows(BadInputException.class, () -> addresses(spec));
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theScopeGuardRefusesHugeExpansionsBeforeBuildingThem() {
        TargetParser small = new TargetParser(FAKE, true, 100);
        assertThrows(BadInputException.class, () -> small.parse(List.of("198.18.0.0/24"), List.of()));
        assertThrows(BadInputException.class, () -> small.parse(List.of("::/0"), List.of()));
        assertThrows(BadInputException.class, () -> small.parse(List.of("198.18.0.0-198.19.255.255"), List.of()));
        assertThrows(BadInputException.class, () -> small.parse(List.of("198.18.0.1"), List.of("198.18.0.1")));
        assertThrows(BadInputException.class, () -> small.parse(List.of(), List.of()));
    }

    @Test
    void targetFilesAllowCommentsAndSeveralPerLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("targets.txt");
        Files.writeString(f, "# lab hosts\n198.18.0.1 198.18.0.2\n\n198.18.0.3 # the login server\n");
        assertEquals(List.of("198.18.0.1", "198.18.0.2", "198.18.0.3"), TargetParser.readTargetFile(f));
        assertThrows(BadInputException.class, () -> TargetParser.readTargetFile(dir.resolve("missing.txt")));
        assertThrows(BadInputException.class, () -> TargetParser.readTargetFile(dir));
        Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
        assertThrows(BadInputException.class, () -> TargetParser.readTargetFile(dir.resolve("empty.txt")));
        Files.write(dir.resolve("binary.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThrows(BadInputException.class, () -> TargetParser.readTargetFile(dir.resolve("binary.txt")));
    }
}
