package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.IdentifyConfig;
import dev.vantage.probe.ProbeRegistry;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceIdentifier;
import dev.vantage.probe.ServiceProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data probes' conversations against fake services on loopback, alone and through the real
 * {@link ServiceIdentifier} with every built-in probe: each service must come out as itself on a
 * port that hints nothing, and a plain HTTP or JSON server must still come out as HTTP (the
 * Elasticsearch probe claims only Elasticsearch, and the binary probes tried before HTTP must not
 * use up the port's time budget).
 */
class DataProbesLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("redis", DataFakes.redis(false), "Redis key-value store 7.0.15"),
                Arguments.of("redis", DataFakes.redis(true), "Redis key-value store"),
                Arguments.of("memcached", DataFakes.memcached(), "Memcached 1.6.18"),
                Arguments.of("postgresql", DataFakes.postgres(false), "PostgreSQL DB 9.6.0 or later"),
                Arguments.of("mongodb", DataFakes.mongo(true), "MongoDB 7.0.5"),
                Arguments.of("elasticsearch", DataFakes.elastic(false), "Elasticsearch REST API 8.13.4"),
                Arguments.of("elasticsearch", DataFakes.elastic(true), "Elasticsearch REST API"),
                Arguments.of("rdp", DataFakes.rdp(), "Microsoft Terminal Services"),
                Arguments.of("smb", DataFakes.smb(), "smb"),
                Arguments.of("netbios-ssn", DataFakes.netbiosSession(), "netbios-ssn"),
                Arguments.of("afp", DataFakes.afp(), "Netatalk 3.1.12"),
                Arguments.of("vnc", DataFakes.vnc(2), "VNC"),
                Arguments.of("mysql", DataFakes.mysql(), "MySQL 5.5.5-10.11.19-MariaDB-0+deb12u1"),
                Arguments.of("http", DataFakes.jsonApi(), null),
                Arguments.of("http", DataFakes.http(), "nginx 1.22.1"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("services")
    void identifiesOnAPortThatHintsNothing(String name, DataFakeServer.Conversation conversation, String describe) throws IOException {
        try (DataFakeServer server = DataFakeServer.start(conversation)) {
            ServiceIdentifier identifier = new ServiceIdentifier(ProbeRegistry.builtins(), IdentifyConfig.defaults());
            long start = System.nanoTime();
            Service s = identifier.identify(new InetSocketAddress(LO, server.port()));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(name, s.name(), "identified as " + s + " in " + ms + " ms");
            if (describe != null) assertEquals(describe, s.describe());
        }
    }

    @Test
    void smbDetailsComeFromTheSecondNegotiation() throws IOException {
        try (DataFakeServer server = DataFakeServer.start(DataFakes.smb())) {
            Service s = query(new SmbProbe(), server.port()).orElseThrow();
            assertEquals("3.1.1", s.details().get("dialect"));
            assertEquals("required", s.details().get("signing"));
            assertEquals("not chosen", s.details().get("smb1"));
        }
        try (DataFakeServer server = DataFakeServer.start(DataFakes.netbiosSession())) {
            Service s = query(new NetbiosSessionProbe(), server.port()).orElseThrow();
            assertEquals("positive", s.details().get("session"));
            assertEquals("3.1.1", s.details().get("dialect"));
        }
    }

    @Test
    void postgresReportsWhetherTlsIsOffered() throws IOException {
        try (DataFakeServer server = DataFakeServer.start(DataFakes.postgres(false))) {
            Service s = query(new PostgresProbe(), server.port()).orElseThrow();
            assertEquals("not offered", s.details().get("ssl"));
            assertTrue(s.details().get("source").startsWith("postmaster.c:"));
        }
    }

    @Test
    void binaryProbesGiveUpQuicklyOnASilentService() throws IOException {
        try (DataFakeServer server = DataFakeServer.start(DataFakes.http())) {
            for (ServiceProbe p : DataProbes.all()) {
                if (!p.info().queries() || p instanceof ElasticProbe) continue;
                long start = System.nanoTime();
                assertTrue(query(p, server.port()).isEmpty(), p.info().id());
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < 2500, p.info().id() + " waited " + ms + " ms on a service that ignores it");
            }
        }
    }

    private static Optional<Service> query(ServiceProbe p, int port) throws IOException {
        try (Connection c = Connection.open(new InetSocketAddress(LO, port), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10))) {
            return p.query(c);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
