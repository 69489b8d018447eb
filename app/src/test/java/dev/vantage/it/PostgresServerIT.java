package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's PostgreSQL: a cluster made by initdb in a temp dir (as the postgres user), served by
 * {@code postgres} in the foreground on a free loopback port, once with SCRAM logins allowed from
 * 127.0.0.1 and once with no pg_hba.conf line for TCP at all. Identification must equal nmap -sV
 * ("PostgreSQL DB", "9.6.0 or later"); {@code postgresql-exposed} is reported either way, and
 * its evidence says what pg_hba.conf let the check do.
 */
class PostgresServerIT {
    private static DataDaemons daemons;
    private static Path bin;
    private static int scram;
    private static int noEntry;

    @BeforeAll
    static void up() throws Exception {
        bin = newestPostgresBin();
        assumeTrue(bin != null && DataDaemons.usable(bin.resolve("postgres").toString(), "/usr/bin/setpriv"),
                "needs root, setpriv and postgresql");
        daemons = new DataDaemons("vantage-postgres");
        scram = DataDaemons.freeTcpPort();
        noEntry = DataDaemons.freeTcpPort();
        cluster("scram", scram, "host all all 127.0.0.1/32 scram-sha-256\n");
        cluster("noentry", noEntry, "local all postgres peer\n");
    }

    private static Path newestPostgresBin() throws Exception {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(p -> Files.isExecutable(p.resolve("bin/postgres")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(p -> p.resolve("bin")).orElse(null);
        }
    }

    private static void cluster(String name, int port, String hba) throws Exception {
        Path data = daemons.dir.resolve(name);
        DataDaemons.run(20, "install", "-d", "-o", "postgres", "-g", "postgres", "-m", "700", data.toString());
        DataDaemons.run(120, "/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--",
                bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth-local=peer",
                "--auth-host=scram-sha-256", "--no-sync");
        Files.writeString(data.resolve("pg_hba.conf"), hba);
        daemons.startTcp("postgres-" + name, port, "/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--",
                bin.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + data, "-c", "fsync=off");
    }

    @AfterAll
    static void down() throws Exception {
        if (daemons != null) daemons.close();
    }

    @Test
    void identifiedAsNmapNamesIt() throws Exception {
        Service s = DataDaemons.identify(scram);
        assertEquals("postgresql", s.name());
        assertEquals("PostgreSQL DB", s.product());
        assertEquals("9.6.0 or later", s.version());
        assertEquals("not offered", s.details().get("ssl"));
        Optional<DataDaemons.NmapService> nmap = daemons.nmap(false, scram, 5432, null);
        if (nmap.isPresent()) {
            assertEquals(nmap.get().product(), s.product());
            assertEquals(nmap.get().versionOrNull(), s.version());
        }
    }

    @Test
    void reachableIsReportedWithWhatPgHbaAllows() {
        Service s = DataDaemons.identify(scram);
        CheckRunner.Outcome o = DataDaemons.outcome(scram, s);
        assertEquals(List.of("postgresql-exposed"), o.findings().stream().map(f -> f.id()).toList());
        assertTrue(o.findings().get(0).evidence().contains("asking for SASL (SCRAM)"), o.findings().get(0).evidence());

        Service closedDoor = DataDaemons.identify(noEntry);
        assertEquals("postgresql", closedDoor.name());
        CheckRunner.Outcome refused = DataDaemons.outcome(noEntry, closedDoor);
        assertEquals(1, refused.findings().size());
        assertTrue(refused.findings().get(0).evidence().contains("pg_hba.conf refuses logins from this address"),
                refused.findings().get(0).evidence());
    }
}
