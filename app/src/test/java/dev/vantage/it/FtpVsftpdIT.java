package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real vsftpd (Debian package), standalone in the foreground on 127.0.0.1, two private instances:
 * <ul>
 *   <li>anonymous: anonymous logins with uploads and mkdir in {@code /incoming}, no TLS;</li>
 *   <li>closed: no anonymous access, TLS required for every login ({@code force_local_logins_ssl});</li>
 *   <li>promiscuous: anonymous read-only with {@code port_promiscuous=YES}, which lets PORT name
 *       any address: the FTP bounce.</li>
 * </ul>
 * Identification must equal nmap -sV and the installed package's upstream version.
 */
class FtpVsftpdIT {
    private static final InetAddress LO = MailDaemon.loopback("127.0.0.1");
    private static final List<MailDaemon> daemons = new ArrayList<>();
    private static Path root;
    private static int anonymousPort;
    private static int closedPort;
    private static int promiscuousPort;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(MailDaemon.usable("/usr/sbin/vsftpd"), "needs root and the vsftpd package");
        root = MailDaemon.sharedTempDir("vt-vsftpd-it");
        Path[] tls = MailDaemon.selfSignedCertificate(root);
        Path empty = Files.createDirectories(root.resolve("empty"));
        Path anonRoot = Files.createDirectories(root.resolve("anon"));
        Path incoming = Files.createDirectories(anonRoot.resolve("incoming"));
        MailDaemon.run(10, "chown", "ftp:ftp", incoming.toString());
        Files.setPosixFilePermissions(anonRoot, PosixFilePermissions.fromString("r-xr-xr-x"));   // vsftpd refuses a writable chroot
        anonymousPort = start("anonymous", """
                anonymous_enable=YES
                local_enable=NO
                anon_root=%s
                no_anon_password=NO
                write_enable=YES
                anon_upload_enable=YES
                anon_mkdir_write_enable=YES
                ssl_enable=NO
                """.formatted(anonRoot), empty);
        closedPort = start("closed", """
                anonymous_enable=NO
                local_enable=YES
                pam_service_name=vsftpd
                ssl_enable=YES
                rsa_cert_file=%s
                rsa_private_key_file=%s
                force_local_logins_ssl=YES
                force_local_data_ssl=YES
                """.formatted(tls[0], tls[1]), empty);
        promiscuousPort = start("promiscuous", """
                anonymous_enable=YES
                local_enable=NO
                anon_root=%s
                write_enable=NO
                port_promiscuous=YES
                ssl_enable=NO
                """.formatted(anonRoot), empty);
    }

    private static int start(String name, String extra, Path empty) throws Exception {
        int port = MailDaemon.freePort();
        Path conf = root.resolve(name + ".conf");
        Files.writeString(conf, """
                listen=YES
                listen_ipv6=NO
                listen_address=127.0.0.1
                listen_port=%d
                background=NO
                seccomp_sandbox=NO
                secure_chroot_dir=%s
                vsftpd_log_file=%s
                xferlog_enable=YES
                pasv_enable=YES
                connect_from_port_20=NO
                """.formatted(port, empty, root.resolve(name + ".log")) + extra, StandardCharsets.US_ASCII);
        MailDaemon d = MailDaemon.start("vsftpd-" + name, root.resolve(name + ".out"), "/usr/sbin/vsftpd", conf.toString());
        daemons.add(d);
        d.awaitPort(LO, port, Duration.ofSeconds(15));
        return port;
    }

    @AfterAll
    static void down() throws Exception {
        for (MailDaemon d : daemons) d.close();
        if (root != null) {
            Files.setPosixFilePermissions(root.resolve("anon"), PosixFilePermissions.fromString("rwxr-xr-x"));
            MailDaemon.deleteTree(root);
        }
    }

    @Test
    void identifiedAsTheInstalledVsftpdAsNmapDoes() throws Exception {
        Service s = MailDaemon.identify(LO, anonymousPort);
        assertEquals("ftp", s.name());
        assertEquals("vsftpd", s.product());
        assertEquals(MailDaemon.upstreamVersion("vsftpd"), s.version());
        Optional<MailDaemon.NmapService> nmap = MailDaemon.nmap(LO, anonymousPort);
        if (nmap.isPresent()) {
            assertEquals("ftp", nmap.get().name());
            assertEquals(nmap.get().product(), s.product());
            assertEquals(nmap.get().version(), s.version());
        }
    }

    @Test
    void anonymousWritableCleartextServer() throws Exception {
        Service s = MailDaemon.identify(LO, anonymousPort);
        CheckRunner.Outcome o = MailDaemon.check(LO, anonymousPort, s);
        List<String> ids = MailDaemon.ids(o);
        assertTrue(ids.contains("ftp-anonymous"), o.toString());
        assertTrue(ids.contains("ftp-anonymous-write"), o.toString());
        assertTrue(ids.contains("ftp-cleartext-login"), o.toString());
        assertFalse(ids.contains("ftp-bounce"), "vsftpd refuses a PORT to another address: " + o);
        // vsftpd lets anonymous users create but not remove (anon_other_write_enable=NO): the finding
        // must say so, and name the directory that is really there
        Finding write = MailDaemon.finding(o, "ftp-anonymous-write").orElseThrow();
        Matcher m = Pattern.compile("please delete the empty directory /incoming/(vantage-write-test-[0-9]{8}-[0-9a-f]{8})").matcher(write.evidence());
        assertTrue(m.find(), write.evidence());
        Path left = root.resolve("anon/incoming").resolve(m.group(1));
        assertTrue(Files.isDirectory(left), "the named directory exists");
        try (Stream<Path> inside = Files.list(left)) {
            assertEquals(0, inside.count(), "and is empty");
        }
        Files.delete(left);
        try (Stream<Path> incoming = Files.list(root.resolve("anon/incoming"))) {
            assertEquals(0, incoming.count(), "nothing else was stored");
        }
    }

    @Test
    void closedServerRequiringTlsHasNoFindingsOfThisGroup() throws Exception {
        Service s = MailDaemon.identify(LO, closedPort);
        assertEquals("vsftpd", s.product());
        CheckRunner.Outcome o = MailDaemon.check(LO, closedPort, s);
        List<String> ids = MailDaemon.ids(o);
        for (String id : List.of("ftp-anonymous", "ftp-anonymous-write", "ftp-cleartext-login", "ftp-bounce")) {
            assertFalse(ids.contains(id), id + ": " + o);
        }
        assertTrue(o.notes().stream().noneMatch(n -> n.startsWith("ftp-")), "notes: " + o.notes());
    }

    @Test
    void promiscuousPortIsABounce() {
        Service s = MailDaemon.identify(LO, promiscuousPort);
        CheckRunner.Outcome o = MailDaemon.check(LO, promiscuousPort, s);
        List<String> ids = MailDaemon.ids(o);
        assertTrue(ids.contains("ftp-bounce"), o.toString());
        assertTrue(ids.contains("ftp-anonymous"), o.toString());
        assertFalse(ids.contains("ftp-anonymous-write"), o.toString());
    }
}
