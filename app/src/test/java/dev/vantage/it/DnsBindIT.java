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
 * The DNS probe and checks against real BIND 9.18 (Debian 12) servers on loopback, one per
 * configuration, all serving the zone {@code lab.test} and the reverse zone of 127.0.0.0/24.
 *
 * <p>No query may leave the machine, even from a recursive server: recursion is
 * {@code forward only} to another loopback instance that plays the root zone (or to a dead
 * loopback port), the root hints name 127.0.0.2, and named runs with {@code -4}.
 * <ul>
 *   <li>open: recursion for anyone (answers through the fake root), AXFR for anyone, version shown;</li>
 *   <li>failing: recursion for anyone but its forwarder is dead (SERVFAIL with RA);</li>
 *   <li>restricted: recursion only for 10.0.0.0/8, AXFR only to 10.0.0.0/8;</li>
 *   <li>closed: authoritative only, no AXFR, {@code version none}.</li>
 * </ul>
 */
class DnsBindIT {
    private static InfraDaemons daemons;
    private static int open;
    private static int failing;
    private static int restricted;
    private static int closed;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(InfraDaemons.usable("/usr/sbin/named"), "needs root and BIND (bind9)");
        daemons = new InfraDaemons("vantage-dns-it");
        Path d = daemons.dir;
        daemons.write("lab.test.zone", """
                $TTL 300
                @ IN SOA ns1.lab.test. hostmaster.lab.test. 1 3600 600 86400 300
                @ IN NS ns1.lab.test.
                ns1 IN A 127.0.0.1
                www IN A 127.0.0.1
                secret-admin IN A 10.0.0.5
                """);
        daemons.write("reverse.zone", """
                $TTL 300
                @ IN SOA ns1.lab.test. hostmaster.lab.test. 1 3600 600 86400 300
                @ IN NS ns1.lab.test.
                1 IN PTR ns1.lab.test.
                """);
        daemons.write("root.zone", """
                $TTL 300
                . IN SOA a.root-servers.test. nstld.test. 2026112300 1800 900 604800 86400
                . IN NS a.root-servers.test.
                a.root-servers.test. IN A 127.0.0.1
                """);
        daemons.write("root.hint", ". 3600000 NS fake-root.\nfake-root. 3600000 A 127.0.0.2\n");

        int root = InfraDaemons.freePort();
        start("root", root, "recursion no;", "zone \".\" { type primary; file \"" + d + "/root.zone\"; };");
        int dead = InfraDaemons.freePort();
        open = InfraDaemons.freePort();
        start("open", open, "recursion yes; forward only; forwarders { 127.0.0.1 port " + root + "; }; allow-transfer { any; };",
                zones(d));
        failing = InfraDaemons.freePort();
        start("failing", failing, "recursion yes; forward only; forwarders { 127.0.0.1 port " + dead + "; }; allow-transfer { none; };"
                + " version none;", zones(d));
        restricted = InfraDaemons.freePort();
        start("restricted", restricted, "recursion yes; allow-recursion { 10.0.0.0/8; }; forward only; forwarders { 127.0.0.1 port "
                + root + "; }; allow-transfer { 10.0.0.0/8; }; version \"none\";", zones(d));
        closed = InfraDaemons.freePort();
        start("closed", closed, "recursion no; allow-transfer { none; }; version none;", zones(d));
    }

    private static String zones(Path d) {
        return "zone \"lab.test\" { type primary; file \"" + d + "/lab.test.zone\"; };\n"
                + "zone \"0.0.127.in-addr.arpa\" { type primary; file \"" + d + "/reverse.zone\"; };\n"
                + "zone \".\" { type hint; file \"" + d + "/root.hint\"; };\n";
    }

    private static void start(String name, int port, String options, String zones) throws Exception {
        Path dir = daemons.dir.resolve(name);
        java.nio.file.Files.createDirectories(dir);
        Path conf = daemons.write(name + "/named.conf", """
                options {
                  directory "%s";
                  pid-file "%s/named.pid";
                  listen-on port %d { 127.0.0.1; };
                  listen-on-v6 { none; };
                  dnssec-validation no;
                  notify no;
                  %s
                };
                %s
                """.formatted(dir, dir, port, options, zones));
        // -u root: BIND refuses to read a config from a temp dir after dropping to its own user here
        daemons.start("named-" + name, port, "/usr/sbin/named", "-g", "-4", "-u", "root", "-c", conf.toString());
    }

    @AfterAll
    static void down() throws Exception {
        if (daemons != null) daemons.close();
    }

    private static CheckRunner.Outcome check(int port, String targetName) {
        Service s = InfraDaemons.identify(port);
        assertEquals("dns", s.name(), s.toString());
        return InfraDaemons.check(targetName, port, s);
    }

    @Test
    void anOpenServerShowsAllThree() {
        CheckRunner.Outcome o = check(open, "ns1.lab.test");
        assertEquals(List.of("dns-open-resolver", "dns-version-disclosure", "dns-zone-transfer"), InfraDaemons.ids(o), o.toString());
        String axfr = o.findings().stream().filter(f -> f.id().equals("dns-zone-transfer")).findFirst().orElseThrow().evidence();
        assertTrue(axfr.contains("secret-admin.lab.test"), axfr);
        assertEquals(List.of(), o.notes());
    }

    @Test
    void zonesAreFoundThroughThePtrWhenOnlyTheAddressIsKnown() {
        CheckRunner.Outcome o = check(open, "127.0.0.1");
        List<String> transferred = o.findings().stream().filter(f -> f.id().equals("dns-zone-transfer")).map(f -> f.evidence()).toList();
        assertEquals(2, transferred.size(), transferred.toString());
        assertTrue(transferred.get(0).startsWith("AXFR of ") && transferred.stream().anyMatch(e -> e.contains("AXFR of lab.test")), transferred.toString());
        assertTrue(transferred.stream().anyMatch(e -> e.contains("AXFR of 0.0.127.in-addr.arpa")), transferred.toString());
    }

    @Test
    void recursionThatFailsUpstreamIsStillOffered() {
        CheckRunner.Outcome o = check(failing, "ns1.lab.test");
        assertEquals(List.of("dns-open-resolver"), InfraDaemons.ids(o), o.toString());
        assertTrue(o.findings().get(0).evidence().contains("SERVFAIL"), o.toString());
    }

    @Test
    void restrictedAndClosedServersHaveNoFindings() {
        CheckRunner.Outcome r = check(restricted, "ns1.lab.test");
        assertEquals(List.of(), InfraDaemons.ids(r), r.toString());
        assertEquals(List.of(), r.notes());
        CheckRunner.Outcome c = check(closed, "ns1.lab.test");
        assertEquals(List.of(), InfraDaemons.ids(c), c.toString());
        assertEquals(List.of(), c.notes());
    }

    @Test
    void identificationMatchesNmap() throws Exception {
        // nmap needs ~40 s per port off 53 (version.bind is one of its later probes): ask for both at once
        var nmapOpen = java.util.concurrent.CompletableFuture.supplyAsync(() -> nmapQuietly(open));
        var nmapClosed = java.util.concurrent.CompletableFuture.supplyAsync(() -> nmapQuietly(closed));
        Service openService = InfraDaemons.identify(open);
        Service closedService = InfraDaemons.identify(closed);
        assertEquals("ISC BIND", openService.product());
        assertTrue(openService.version() != null && openService.version().startsWith("9.18."), openService.toString());
        assertEquals("ISC BIND", closedService.product(), "BIND's hidden-version answer still names it");
        assertEquals(null, closedService.version());
        for (var pair : List.of(java.util.Map.entry(openService, nmapOpen), java.util.Map.entry(closedService, nmapClosed))) {
            var nmap = pair.getValue().get();
            assumeTrue(nmap.isPresent(), "nmap not installed");
            assertEquals(nmap.get().product(), pair.getKey().product(), "product");
            assertEquals(nmap.get().version().isEmpty() ? null : nmap.get().version(), pair.getKey().version(), "version");
        }
    }

    private static java.util.Optional<InfraDaemons.NmapService> nmapQuietly(int port) {
        try {
            return InfraDaemons.nmap(port);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
