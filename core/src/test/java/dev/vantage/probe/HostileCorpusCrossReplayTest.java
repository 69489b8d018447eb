package dev.vantage.probe;

import dev.vantage.check.builtin.HttpResponse;
import dev.vantage.probe.dns.DnsMessage;
import dev.vantage.probe.ssh.SshIdent;
import dev.vantage.probe.ssh.SshKexInit;
import dev.vantage.probe.tls.ServerFlight;
import dev.vantage.probe.tls.Ssl2Hello;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hostile reply of the corpus ({@code corpus/<protocol>/hostile-*}) through every pure
 * parser, not only its own protocol's: identification shows an unknown port's greeting to every
 * probe, and a hostile server on port 25 may well send TLS junk or a DNS compression loop. The
 * per-protocol corpus tests judge the verdicts; this one holds each parser to its contract on
 * foreign input: it returns (empty, most of the time), throws nothing, and takes no time.
 * The DNS parser also gets every suffix of the bytes, since DNS over TCP frames them differently.
 */
class HostileCorpusCrossReplayTest {
    private static final Duration PER_FILE = Duration.ofSeconds(3);

    static Stream<Arguments> hostileReplies() throws IOException, URISyntaxException {
        URL url = HostileCorpusCrossReplayTest.class.getResource("/corpus");
        if (url == null) throw new IllegalStateException("no corpus on the test class path");
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(url.toURI()), 2)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("hostile-")).sorted().toList()) {
                all.add(Arguments.of(p.getParent().getFileName() + "/" + p.getFileName(), Files.readAllBytes(p)));
            }
        }
        return all.stream();
    }

    @Test
    void theCorpusHoldsHostileRepliesOfManyProtocols() throws Exception {
        long protocols = hostileReplies().map(a -> a.get()[0].toString().split("/")[0]).distinct().count();
        assertTrue(protocols >= 20, "hostile replies for only " + protocols + " protocols");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileReplies")
    void everyParserSurvivesEveryHostileReply(String file, byte[] data) {
        assertTimeoutPreemptively(PER_FILE, () -> parseEverywhere(data), file + " made a parser hang");
    }

    /** Throws only if a parser does: that is the failure this test looks for. */
    static void parseEverywhere(byte[] data) {
        for (ServiceProbe p : ProbeRegistry.builtins()) {
            if (data.length > 0) p.fromGreeting(data);
        }
        for (UdpProbe p : UdpProbeRegistry.builtins()) p.parse(data);
        SshIdent.parse(data);
        SshKexInit.fromServerStart(data);
        SshKexInit.parse(data);
        ServerFlight.parse(data);
        Ssl2Hello.parse(data);
        HttpResponse.parse(data);
        DnsMessage.parse(data);
        for (int skip = 1; skip <= Math.min(2, data.length); skip++) DnsMessage.parse(Arrays.copyOfRange(data, skip, data.length));
    }
}
