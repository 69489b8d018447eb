package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTTP probe and checks against real nginx 1.22 and Apache 2.4 (Debian 12) on loopback.
 * <ul>
 *   <li>nginx open: version in the Server header, a listed /files/, the home page redirecting to a
 *       password form, a readable .git; the same site over HTTPS (no cleartext-form finding there);</li>
 *   <li>nginx hardened: {@code server_tokens off}, no listing, and every unknown path answered
 *       200 with the home page (a soft 404 that even mentions phpinfo()): no findings;</li>
 *   <li>Apache open: TraceEnable on, Indexes, the test-cgi sample CGI script, server-status;</li>
 *   <li>Apache hardened: ServerTokens Prod, TraceEnable off, no Indexes, no samples: no findings.</li>
 * </ul>
 */
class HttpDaemonsIT {
    private static InfraDaemons daemons;
    private static int nginxOpen;
    private static int nginxTls;
    private static int nginxHardened;
    private static int apacheOpen;
    private static int apacheHardened;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(InfraDaemons.usable("/usr/sbin/nginx", "/usr/sbin/apache2", "/usr/bin/openssl"), "needs root, nginx, apache2, openssl");
        daemons = new InfraDaemons("vantage-http-it");
        Path d = daemons.dir;
        daemons.write("open/login.html", "<html><body><form method=\"post\" action=\"/session\">"
                + "<input name=\"user\"><input type=\"password\" name=\"pw\"></form></body></html>\n");
        daemons.write("open/files/report.txt", "quarterly numbers\n");
        daemons.write("open/.git/HEAD", "ref: refs/heads/main\n");
        daemons.write("hardened/index.html", "<html><body>Welcome. Developers: see phpinfo() for the PHP Version in use.</body></html>\n");
        daemons.write("hardened/files/report.txt", "quarterly numbers\n");
        Path[] cert = daemons.selfSigned("www", "/CN=www.lab.test", "rsa:2048", "-addext", "subjectAltName=DNS:www.lab.test");

        nginxOpen = InfraDaemons.freePort();
        nginxTls = InfraDaemons.freePort();
        nginxHardened = InfraDaemons.freePort();
        Path nginxConf = daemons.write("nginx.conf", """
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events {}
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp-body; proxy_temp_path %1$s/tmp-proxy; fastcgi_temp_path %1$s/tmp-fcgi;
                  uwsgi_temp_path %1$s/tmp-uwsgi; scgi_temp_path %1$s/tmp-scgi;
                  server { listen 127.0.0.1:%2$d; listen 127.0.0.1:%3$d ssl; root %1$s/open;
                    ssl_certificate %5$s; ssl_certificate_key %6$s;
                    location = / { return 302 /login.html; }
                    location /files/ { autoindex on; } }
                  server { listen 127.0.0.1:%4$d; root %1$s/hardened; server_tokens off;
                    error_page 404 =200 /index.html; }
                }
                """.formatted(d, nginxOpen, nginxTls, nginxHardened, cert[0], cert[1]));
        daemons.start("nginx", nginxHardened, "/usr/sbin/nginx", "-p", d.toString(), "-c", nginxConf.toString(), "-g", "daemon off;");

        Path cgi = daemons.write("cgi-bin/test-cgi", """
                #!/bin/sh
                echo "Content-type: text/plain"
                echo
                echo "CGI/1.0 test script report:"
                echo
                echo "argc is $#. argv is $*."
                echo "SERVER_SOFTWARE = $SERVER_SOFTWARE"
                """);
        Files.setPosixFilePermissions(cgi, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path p : List.of(d.resolve("open"), d.resolve("open/files"), d.resolve("open/.git"), d.resolve("hardened"),
                d.resolve("hardened/files"), d.resolve("cgi-bin"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        apacheOpen = InfraDaemons.freePort();
        startApache("apache-open", apacheOpen, """
                TraceEnable on
                DocumentRoot %1$s/open
                <Directory %1$s/open>
                  Options +Indexes
                  Require all granted
                </Directory>
                ScriptAlias /cgi-bin/ %1$s/cgi-bin/
                <Directory %1$s/cgi-bin>
                  Options +ExecCGI
                  Require all granted
                </Directory>
                <Location /server-status>
                  SetHandler server-status
                  Require all granted
                </Location>
                """);
        apacheHardened = InfraDaemons.freePort();
        startApache("apache-hardened", apacheHardened, """
                ServerTokens Prod
                ServerSignature Off
                TraceEnable off
                DocumentRoot %1$s/hardened
                <Directory %1$s/hardened>
                  Options -Indexes
                  Require all granted
                </Directory>
                """);
    }

    private static void startApache(String name, int port, String site) throws Exception {
        Path d = daemons.dir;
        String modules = "/usr/lib/apache2/modules";
        StringBuilder conf = new StringBuilder();
        conf.append("ServerRoot ").append(d).append('\n');
        conf.append("Listen 127.0.0.1:").append(port).append('\n');
        conf.append("PidFile ").append(d.resolve(name + ".pid")).append('\n');
        conf.append("ErrorLog ").append(d.resolve(name + "-error.log")).append('\n');
        conf.append("DefaultRuntimeDir ").append(d).append('\n');
        for (String m : List.of("mpm_prefork", "authz_core", "dir", "mime", "autoindex", "status", "alias", "cgi")) {
            conf.append("LoadModule ").append(m).append("_module ").append(modules).append("/mod_").append(m).append(".so\n");
        }
        conf.append("User www-data\nGroup www-data\nServerName www.lab.test\nTypesConfig /etc/mime.types\n");
        conf.append(site.formatted(d));
        Path file = daemons.write(name + ".conf", conf.toString());
        daemons.start(name, port, "/usr/sbin/apache2", "-f", file.toString(), "-DFOREGROUND");
    }

    @AfterAll
    static void down() throws Exception {
        if (daemons != null) daemons.close();
    }

    private static CheckRunner.Outcome check(int port) {
        Service s = InfraDaemons.identify(port);
        assertEquals("http", s.name(), s.toString());
        return InfraDaemons.check("www.lab.test", port, s);
    }

    private static List<String> httpIds(CheckRunner.Outcome o) {
        return InfraDaemons.ids(o).stream().filter(id -> id.startsWith("http-")).toList();
    }

    @Test
    void nginxOpen() {
        CheckRunner.Outcome o = check(nginxOpen);
        assertEquals(List.of("http-cleartext-login-form", "http-directory-listing", "http-git-exposed", "http-version-disclosure"),
                httpIds(o), o.toString());
        assertEquals(List.of(), o.notes());
    }

    @Test
    void nginxOpenOverTls() {
        CheckRunner.Outcome o = check(nginxTls);
        assertEquals(List.of("http-directory-listing", "http-git-exposed", "http-version-disclosure"), httpIds(o), o.toString());
        assertEquals(List.of(), o.notes());
    }

    @Test
    void nginxHardenedWithASoftNotFound() {
        CheckRunner.Outcome o = check(nginxHardened);
        assertEquals(List.of(), httpIds(o), o.toString());
        assertEquals(List.of(), o.notes());
    }

    @Test
    void apacheOpen() {
        CheckRunner.Outcome o = check(apacheOpen);
        assertEquals(List.of("http-directory-listing", "http-git-exposed", "http-sample-cgi", "http-trace-enabled", "http-version-disclosure"),
                httpIds(o), o.toString());
        String samples = o.findings().stream().filter(f -> f.id().equals("http-sample-cgi")).findFirst().orElseThrow().evidence();
        assertTrue(samples.contains("/cgi-bin/test-cgi") && samples.contains("/server-status"), samples);
        assertEquals(List.of(), o.notes());
    }

    @Test
    void apacheHardened() {
        CheckRunner.Outcome o = check(apacheHardened);
        assertEquals(List.of(), httpIds(o), o.toString());
        assertEquals(List.of(), o.notes());
    }

    @Test
    void identificationMatchesNmap() throws Exception {
        for (int port : new int[] {nginxOpen, apacheOpen}) {
            Service s = InfraDaemons.identify(port);
            var nmap = InfraDaemons.nmap(port);
            assumeTrue(nmap.isPresent(), "nmap not installed");
            assertEquals(nmap.get().product(), s.product(), "product, port " + port);
            assertEquals(nmap.get().version(), s.version(), "version, port " + port);
        }
        assertEquals("nginx", InfraDaemons.identify(nginxOpen).product());
        assertEquals("Apache httpd", InfraDaemons.identify(apacheOpen).product());
    }
}
