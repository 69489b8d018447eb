package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import dev.vantage.probe.builtin.DataFakeServer;
import dev.vantage.probe.builtin.DataFakes;
import dev.vantage.probe.builtin.PostgresWire;
import dev.vantage.udp.UdpScanner;
import dev.vantage.udp.probe.Ber;
import dev.vantage.udp.probe.SnmpMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data group's checks against fake services on loopback (TCP and UDP), misconfigured and
 * not: a finding exactly when the service gives a stranger what it should not, and its evidence
 * says what was seen.
 */
class DataChecksTest {
    private final List<DatagramSocket> udp = new ArrayList<>();

    @AfterEach
    void close() {
        udp.forEach(DatagramSocket::close);
    }

    private static List<Finding> run(Check check, Service service, int port) throws IOException {
        return check.run(DataCheckContext.of(service, port));
    }

    private static Service svc(String name, String... details) {
        Service s = Service.of(name, null, null, null);
        for (int i = 0; i + 1 < details.length; i += 2) s = s.withDetail(details[i], details[i + 1]);
        return s;
    }

    private static Service udpService(String name) {
        return svc(name, UdpScanner.TRANSPORT, UdpScanner.UDP);
    }

    /** A UDP responder on loopback: each datagram → the datagrams {@code answer} returns. */
    private int udpServer(Function<byte[], List<byte[]>> answer) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        udp.add(s);
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[4096];
            while (!s.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                    for (byte[] d : answer.apply(Arrays.copyOf(p.getData(), p.getLength()))) {
                        s.send(new DatagramPacket(d, d.length, p.getSocketAddress()));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        return s.getLocalPort();
    }

    private static void assertFinding(String id, List<Finding> findings, String evidencePart) {
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(id, findings.get(0).id());
        assertTrue(findings.get(0).evidence().contains(evidencePart), findings.get(0).evidence());
    }

    @Test
    void everyCheckProducesOnlyItsDeclaredFindingsForKnownServices() {
        Set<String> ids = new java.util.HashSet<>();
        for (Check c : DataChecks.all()) {
            assertTrue(ids.add(c.info().id()), "duplicate check id " + c.info().id());
            assertEquals(2, c.info().level());
            assertTrue(!c.info().intrusive(), c.info().id());
        }
    }

    @Test
    void redisWithoutPasswordIsAFindingAndWithPasswordIsNot() throws IOException {
        try (DataFakeServer open = DataFakeServer.start(DataFakes.redis(false));
             DataFakeServer locked = DataFakeServer.start(DataFakes.redis(true))) {
            assertFinding("redis-no-auth", run(new RedisNoAuthCheck(), Service.of("redis", "Redis key-value store", "7.0.15", null),
                    open.port()), "+PONG");
            assertEquals(List.of(), run(new RedisNoAuthCheck(), svc("redis"), locked.port()));
        }
    }

    @Test
    void memcachedStatsOverTcpAndUdp() throws IOException {
        try (DataFakeServer tcp = DataFakeServer.start(DataFakes.memcached())) {
            assertFinding("memcached-no-auth", run(new MemcachedNoAuthCheck(), svc("memcached"), tcp.port()), "version 1.6.18");
        }
        byte[] stats = DataFakeServer.corpus("memcached-udp/stats-first-datagram-1.6.18.bin");
        int port = udpServer(req -> new String(req, 8, req.length - 8).equals("stats\r\n")
                ? List.of(withRequestId(stats, req), withRequestId(stats, req)) : List.of());
        assertFinding("memcached-no-auth", run(new MemcachedNoAuthCheck(), udpService("memcached"), port), "over UDP");
        int silent = udpServer(req -> List.of());
        assertEquals(List.of(), run(new MemcachedNoAuthCheck(), udpService("memcached"), silent));
    }

    private static byte[] withRequestId(byte[] datagram, byte[] request) {
        byte[] d = datagram.clone();
        d[0] = request[0];
        d[1] = request[1];
        return d;
    }

    @Test
    void mongoListsDatabasesOnlyWithoutAuthorisation() throws IOException {
        Service mongo = svc("mongodb", "max_wire_version", "21");
        try (DataFakeServer open = DataFakeServer.start(DataFakes.mongo(false));
             DataFakeServer locked = DataFakeServer.start(DataFakes.mongo(true))) {
            assertFinding("mongodb-no-auth", run(new MongoNoAuthCheck(), mongo, open.port()), "4 databases (admin, config, local, shop)");
            assertEquals(List.of(), run(new MongoNoAuthCheck(), mongo, locked.port()));
        }
    }

    @Test
    void elasticsearchIndicesReadableOnlyWithoutSecurity() throws IOException {
        try (DataFakeServer open = DataFakeServer.start(DataFakes.elastic(false));
             DataFakeServer secured = DataFakeServer.start(DataFakes.elastic(true))) {
            assertFinding("elasticsearch-no-auth", run(new ElasticNoAuthCheck(), svc("elasticsearch"), open.port()), "2 indices (logs-2024, customers)");
            assertEquals(List.of(), run(new ElasticNoAuthCheck(), svc("elasticsearch"), secured.port()));
        }
    }

    @Test
    void vncOfferingNoneIsAFindingAndPasswordOnlyIsNot() throws IOException {
        try (DataFakeServer none = DataFakeServer.start(DataFakes.vnc(1, 2));
             DataFakeServer password = DataFakeServer.start(DataFakes.vnc(2))) {
            assertFinding("vnc-no-auth", run(new VncNoAuthCheck(), svc("vnc"), none.port()), "None (1), VNC password (2)");
            assertEquals(List.of(), run(new VncNoAuthCheck(), svc("vnc"), password.port()));
        }
    }

    @Test
    void postgresIsReportedWithWhatPgHbaSays() throws IOException {
        try (DataFakeServer pg = DataFakeServer.start(DataFakes.postgres(false))) {
            assertFinding("postgresql-exposed", run(new PostgresExposedCheck(),
                    Service.of("postgresql", "PostgreSQL DB", "9.6.0 or later", null).withDetail("ssl", "not offered"), pg.port()),
                    "asking for SASL (SCRAM)");
        }
        byte[] noEntry = DataFakeServer.corpus("postgresql/no-hba-entry.bin");
        assertEquals("pg_hba.conf refuses logins from this address", PostgresExposedCheck.describe(PostgresWire.parse(noEntry)));
        byte[] trust = DataFakeServer.corpus("postgresql/auth-ok-then-norole-15.bin");
        assertEquals("pg_hba.conf lets this address log in, asking for none (trust)", PostgresExposedCheck.describe(PostgresWire.parse(trust)));
    }

    @Test
    void exposureChecksQuoteTheIdentification() throws IOException {
        assertFinding("mysql-exposed", run(new MysqlExposedCheck(), Service.of("mysql", "MySQL", "8.0.36", null)
                .withDetail("protocol", "10").withDetail("ssl", "offered"), 3306), "MySQL 8.0.36 (protocol 10, TLS offered)");
        assertEquals(List.of(), run(new MysqlExposedCheck(), svc("mysql", "refused", "host not allowed"), 3306));
        assertFinding("rdp-exposed", run(new RdpExposedCheck(), svc("rdp", "security", "tls"), 3389), "no Network Level Authentication");
        assertFinding("smb-exposed", run(new SmbExposedCheck(), svc("smb", "dialect", "1", "signing", "not required"), 445), "SMB1");
        assertFinding("smb-exposed", run(new SmbExposedCheck(), svc("netbios-ssn", "session", "positive", "dialect", "3.1.1",
                "signing", "required"), 139), "over NetBIOS (139)");
        assertEquals(List.of(), run(new SmbExposedCheck(), svc("netbios-ssn", "session", "negative"), 139));
        assertFinding("netbios-exposed", run(new NetbiosExposedCheck(), svc("netbios-ns", "hostname", "NAS", "workgroup", "HOME",
                "mac", "00:00:00:00:00:00"), 137), "hostname NAS, workgroup HOME");
        assertFinding("afp-exposed", run(new AfpExposedCheck(), svc("afp", "server_name", "nas", "machine", "Netatalk3.1.12",
                "afp_versions", "AFP3.4", "guest", "allowed"), 548), "guest login allowed");
    }

    @Test
    void snmpPublicAnsweredIsAFindingAndRefusedIsNot() throws IOException {
        int agent = udpServer(req -> {
            Ber.Element get = Ber.decode(req);                   // version, community, GetRequest{request id, ...}
            if (!new String(get.child(1).content()).equals("public")) return List.of();
            return List.of(response((int) get.child(0).asLong(), (int) get.child(2).child(0).asLong()));
        });
        assertFinding("snmp-public-community", run(new SnmpCommunityCheck(), udpService("snmp"), agent), "sysDescr.0 = Linux nas 6.1.0");
        int strict = udpServer(req -> List.of());
        assertEquals(List.of(), run(new SnmpCommunityCheck(), udpService("snmp"), strict));
    }

    private static byte[] response(int version, int requestId) {
        byte[] value = Ber.octets("Linux nas 6.1.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] varbind = Ber.constructed(0x30, Ber.oid(SnmpMessages.SYS_DESCR), value);
        byte[] pdu = Ber.constructed(0xa2, Ber.integer(requestId),
                Ber.integer(0), Ber.integer(0),
                Ber.constructed(0x30, varbind));
        return Ber.constructed(0x30, Ber.integer(version),
                Ber.octets("public".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), pdu);
    }

    @Test
    void ntpControlAndMonlistAnswersAreFindingsAndSilenceIsNot() throws IOException {
        byte[] readvar = DataFakeServer.corpus("ntp/mode6-readvar-ntpsec.bin");
        byte[] monlist = DataFakeServer.corpus("ntp/mode7-monlist-6-entries.bin");
        int old = udpServer(req -> switch (req[0] & 7) {
            case 6 -> List.of(readvar);
            case 7 -> List.of(monlist, monlist);
            default -> List.of();
        });
        assertFinding("ntp-mode6-amplification", run(new NtpMode6Check(), udpService("ntp"), old), "version=\"ntpd ntpsec-1.2.2\"");
        assertFinding("ntp-mode7-monlist", run(new NtpMonlistCheck(), udpService("ntp"), old), "12 client entries in 2 packets");
        int hardened = udpServer(req -> List.of());
        assertEquals(List.of(), run(new NtpMode6Check(), udpService("ntp"), hardened));
        assertEquals(List.of(), run(new NtpMonlistCheck(), udpService("ntp"), hardened));
        int refusesMode7 = udpServer(req -> (req[0] & 7) == 7
                ? List.of(DataFakeServer.corpus("ntp/mode7-error-implementation.bin")) : List.of());
        assertEquals(List.of(), run(new NtpMonlistCheck(), udpService("ntp"), refusesMode7));
    }

    @Test
    void judgesIgnoreAnswersToOtherQuestions() {
        assertEquals(List.of(), SnmpCommunityCheck.judge(Optional.empty(), 1));
        assertEquals(List.of(), RedisNoAuthCheck.judge("-NOAUTH Authentication required.\r\n".getBytes(), null));
        assertEquals(List.of(), MemcachedNoAuthCheck.judgeUdp(15, List.of(new byte[] {1, 2, 3})));
    }
}
