package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TLS checks against a real nginx 1.22 / OpenSSL 3.0 (Debian 12), three server blocks on loopback:
 * <ul>
 *   <li>legacy: TLS 1.0-1.2 and an expired, self-signed 1024-bit RSA certificate for another name.
 *       Debian's OpenSSL refuses TLS 1.0/1.1 and 1024-bit keys at its default security level 2,
 *       so this block sets {@code ssl_ciphers DEFAULT:@SECLEVEL=0} — exactly the setting that
 *       brings such servers back in real life;</li>
 *   <li>modern: TLS 1.2/1.3 with a valid certificate from a private CA for the right name: no findings;</li>
 *   <li>TLS 1.3 only, self-signed P-256: the certificate is read through the JDK handshake.</li>
 * </ul>
 */
class TlsNginxIT {
    private static InfraDaemons daemons;
    private static int legacy;
    private static int modern;
    private static int tls13;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(InfraDaemons.usable("/usr/sbin/nginx", "/usr/bin/openssl"), "needs root, nginx and openssl");
        daemons = new InfraDaemons("vantage-tls-it");
        Path d = daemons.dir;
        Path[] expired = expiredSelfSigned(daemons);
        Path[] ca = daemons.selfSigned("ca", "/CN=IT Test CA", "rsa:2048", "-addext", "basicConstraints=critical,CA:TRUE");
        Path leafKey = d.resolve("leaf.key");
        Path leafCsr = d.resolve("leaf.csr");
        Path leaf = d.resolve("leaf.crt");
        InfraDaemons.run(60, "openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=www.lab.test",
                "-keyout", leafKey.toString(), "-out", leafCsr.toString());
        Path ext = daemons.write("leaf.ext", "subjectAltName=DNS:www.lab.test\n");
        InfraDaemons.run(60, "openssl", "x509", "-req", "-in", leafCsr.toString(), "-CA", ca[0].toString(), "-CAkey", ca[1].toString(),
                "-CAcreateserial", "-days", "30", "-sha256", "-extfile", ext.toString(), "-out", leaf.toString());
        Path chain = daemons.write("chain.crt", java.nio.file.Files.readString(leaf) + java.nio.file.Files.readString(ca[0]));
        Path[] ec = daemons.selfSigned("ec", "/CN=www.lab.test", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-addext", "subjectAltName=DNS:www.lab.test");
        daemons.write("www/index.html", "<html>hello</html>\n");

        legacy = InfraDaemons.freePort();
        modern = InfraDaemons.freePort();
        tls13 = InfraDaemons.freePort();
        String conf = """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp-body; proxy_temp_path %1$s/tmp-proxy; fastcgi_temp_path %1$s/tmp-fcgi;
                  uwsgi_temp_path %1$s/tmp-uwsgi; scgi_temp_path %1$s/tmp-scgi;
                  server { listen 127.0.0.1:%2$d ssl; root %1$s/www;
                    ssl_certificate %5$s; ssl_certificate_key %6$s;
                    ssl_protocols TLSv1 TLSv1.1 TLSv1.2; ssl_ciphers DEFAULT:@SECLEVEL=0; }
                  server { listen 127.0.0.1:%3$d ssl; root %1$s/www;
                    ssl_certificate %7$s; ssl_certificate_key %8$s; ssl_protocols TLSv1.2 TLSv1.3; }
                  server { listen 127.0.0.1:%4$d ssl; root %1$s/www;
                    ssl_certificate %9$s; ssl_certificate_key %10$s; ssl_protocols TLSv1.3; }
                }
                """.formatted(d, legacy, modern, tls13, expired[0], expired[1], chain, leafKey, ec[0], ec[1]);
        Path nginxConf = daemons.write("nginx.conf", conf);
        daemons.start("nginx", tls13, "/usr/sbin/nginx", "-p", d.toString(), "-c", nginxConf.toString(), "-g", "daemon off;");
    }

    /** An RSA-1024 certificate valid in January 2020 only, signed by itself (openssl ca can back-date, req cannot). */
    private static Path[] expiredSelfSigned(InfraDaemons daemons) throws Exception {
        Path d = daemons.dir;
        daemons.write("ca/index.txt", "");
        daemons.write("ca/serial", "01\n");
        Path cnf = daemons.write("ca/ca.cnf", """
                [ca]
                default_ca = ca0
                [ca0]
                database = %1$s/ca/index.txt
                serial = %1$s/ca/serial
                new_certs_dir = %1$s/ca
                default_md = sha256
                policy = any
                unique_subject = no
                [any]
                commonName = supplied
                """.formatted(d));
        Path key = d.resolve("old.key");
        Path csr = d.resolve("old.csr");
        Path cert = d.resolve("old.crt");
        InfraDaemons.run(60, "openssl", "req", "-new", "-newkey", "rsa:1024", "-nodes", "-subj", "/CN=old.lab.test",
                "-keyout", key.toString(), "-out", csr.toString());
        InfraDaemons.run(60, "openssl", "ca", "-batch", "-config", cnf.toString(), "-selfsign", "-keyfile", key.toString(),
                "-in", csr.toString(), "-out", cert.toString(), "-startdate", "20200101000000Z", "-enddate", "20200201000000Z");
        return new Path[] {cert, key};
    }

    @AfterAll
    static void down() throws Exception {
        if (daemons != null) daemons.close();
    }

    private static CheckRunner.Outcome check(int port, String targetName) {
        Service s = InfraDaemons.identify(port);
        assertTrue(s.tls(), "identified as TLS: " + s);
        return InfraDaemons.check(targetName, port, s);
    }

    @Test
    void legacyServerFindings() {
        CheckRunner.Outcome o = check(legacy, "www.lab.test");
        List<String> tlsFindings = InfraDaemons.ids(o).stream().filter(id -> id.startsWith("tls-")).toList();
        assertEquals(List.of("tls-1.0", "tls-1.1", "tls-cert-expired", "tls-cert-name-mismatch", "tls-cert-self-signed", "tls-cert-weak-key"),
                tlsFindings, o.toString());
        assertEquals(List.of(), o.notes(), "every check finished");
    }

    @Test
    void modernServerWithAPrivateCaCertificateIsClean() {
        CheckRunner.Outcome o = check(modern, "www.lab.test");
        assertEquals(List.of(), InfraDaemons.ids(o).stream().filter(id -> id.startsWith("tls-")).toList(), o.toString());
        assertEquals(List.of(), o.notes());
    }

    @Test
    void theNameIsJudgedOnlyWhenTheTargetHasOne() {
        CheckRunner.Outcome byName = check(modern, "other.lab.test");
        assertTrue(InfraDaemons.ids(byName).contains("tls-cert-name-mismatch"), byName.toString());
        CheckRunner.Outcome byAddress = check(modern, "127.0.0.1");
        assertTrue(!InfraDaemons.ids(byAddress).contains("tls-cert-name-mismatch"), byAddress.toString());
    }

    @Test
    void aTls13OnlyServerIsReadThroughTheJdk() {
        CheckRunner.Outcome o = check(tls13, "www.lab.test");
        assertEquals(List.of("tls-cert-self-signed"), InfraDaemons.ids(o).stream().filter(id -> id.startsWith("tls-")).toList(), o.toString());
        assertEquals(List.of(), o.notes());
    }

    @Test
    void identificationMatchesNmap() throws Exception {
        Service s = InfraDaemons.identify(legacy);
        var nmap = InfraDaemons.nmap(legacy);
        assumeTrue(nmap.isPresent(), "nmap not installed");
        assertEquals(nmap.get().product(), s.product());
        assertEquals(nmap.get().version(), s.version());
        assertEquals(nmap.get().tls(), s.tls());
    }
}
