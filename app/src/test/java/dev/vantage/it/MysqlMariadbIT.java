package dev.vantage.it;

import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's MariaDB as a plain process: mariadb-install-db into a temp datadir, mariadbd in the
 * foreground on a free loopback port. Identification must equal nmap -sV ("MySQL" and the whole
 * version string, "5.5.5-10.11.…-MariaDB-…"), and {@code mysql-exposed} must be reported.
 */
class MysqlMariadbIT {
    private static final String MARIADBD = "/usr/sbin/mariadbd";
    private static DataDaemons daemons;
    private static int port;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(DataDaemons.usable(MARIADBD, "/usr/bin/mariadb-install-db"), "needs root and mariadb-server");
        daemons = new DataDaemons("vantage-mariadb");
        Path data = daemons.dir.resolve("data");
        DataDaemons.run(120, "/usr/bin/mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=mysql",
                "--auth-root-authentication-method=socket", "--skip-test-db");
        port = DataDaemons.freeTcpPort();
        daemons.startTcp("mariadbd", port, MARIADBD, "--no-defaults", "--datadir=" + data, "--user=mysql",
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + data.resolve("mysqld.sock"),
                "--pid-file=" + data.resolve("mysqld.pid"), "--skip-log-bin", "--innodb-buffer-pool-size=16M");
    }

    @AfterAll
    static void down() throws Exception {
        if (daemons != null) daemons.close();
    }

    @Test
    void identifiedAsNmapNamesItAndReported() throws Exception {
        Service s = DataDaemons.identify(port);
        assertEquals("mysql", s.name(), s.toString());
        assertEquals("MySQL", s.product());
        Matcher own = Pattern.compile("Ver (\\d+\\.\\d+\\.\\d+)-MariaDB").matcher(DataDaemons.run(20, MARIADBD, "--version"));
        assertTrue(own.find());
        assertEquals(own.group(1), s.details().get("mariadb_version"));
        assertTrue(s.version().startsWith("5.5.5-" + own.group(1) + "-MariaDB"), s.version());
        Optional<DataDaemons.NmapService> nmap = daemons.nmap(false, port, 3306, null);
        if (nmap.isPresent()) {
            assertEquals(nmap.get().product(), s.product());
            assertEquals(nmap.get().versionOrNull(), s.version());
        }
        assertEquals(List.of("mysql-exposed"), DataDaemons.findings(port, s));
    }
}
