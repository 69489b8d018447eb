package dev.vantage.assess;

import dev.vantage.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyParserTest {
    private final KnowledgeBase kb = KnowledgeBase.builtin();

    @Test
    void theExamplePolicyReads() throws Exception {
        Policy p = PolicyParser.read(Path.of("../examples/policy.yaml"), kb);
        assertEquals(2, p.hosts().size());
        Policy.Host login = p.hostFor(InetAddress.getByName("198.19.0.3")).orElseThrow();
        assertEquals("login server", login.name());
        Policy.Intended ssh = login.intended("tcp", 22).orElseThrow();
        assertTrue(ssh.allows(InetAddress.getByName("198.18.1.10")));
        assertFalse(ssh.allows(InetAddress.getByName("198.18.0.10")));
        assertTrue(login.intended("tcp", 23).orElseThrow().decoy());
        assertEquals(Risk.HIGH, p.viewOfPort("login server", 21, "ftp").orElseThrow().risk());
        assertEquals(Risk.INFO, p.viewOfFinding("main server", "ident-disclosure").orElseThrow().risk());
        assertTrue(p.viewOfFinding("login server", "ident-disclosure").isEmpty(), "scoped to the main server");
        assertEquals("relay-test.example.org", p.relayDomain());
        assertEquals(Lang.EN, p.language());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "hosts: [ {name: a, addresses: [198.18.0.1], ports: [70000]} ]|line 1: 'port' must be a number from 1 to 65535.",
        "hosts:\\n  - name: a\\n    adresses: [198.18.0.1]|line 3: unknown key 'adresses'",
        "hosts:\\n  - name: a\\n    addresses: [not-an-ip]|line 3: 'not-an-ip' is not an IP address",
        "overrides:\\n  - service: ftp\\n    risk: severe\\n    note: x|line 3: 'risk' must be high, medium, low or info.",
        "overrides:\\n  - finding: no-such-finding\\n    risk: high\\n    note: x|line 2: there is no finding 'no-such-finding'.",
        "overrides:\\n  - service: ftp\\n    port: 21\\n    risk: high\\n    note: x|exactly one of 'finding', 'service' or 'port'",
        "overrides:\\n  - service: ftp\\n    risk: high|line 2: an override needs 'note'.",
        "hosts: [ {name: a, addresses: [198.18.0.1], ports: [{port: 22, from: [198.18.1.0/99]}]} ]|invalid prefix length",
        "hosts: [ {name: a, addresses: [198.18.0.1], ports: [{port: 22, decoy: maybe}]} ]|'decoy' must be true or false.",
        "language: fr|line 1: 'language' must be en or ja.",
        "relay_domain: not a domain|line 1: 'relay_domain' must be a domain name",
        "hosts: {name: a}|line 1: 'hosts' must be a list.",
        "hosts: [ {name: a, addresses: [198.18.0.1]}, {name: a, addresses: [198.18.0.2]} ]|the host name 'a' appears twice.",
        "overrides: [ {service: ftp, risk: high, note: x, hosts: [nobody]} ]|names the host 'nobody'",
        "hosts: [ unclosed|not valid YAML",
        "a: &x [1]\\nb: *x\\nc: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x]|",
    })
    void mistakesNameTheFileTheLineAndTheProblem(String yaml, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> PolicyParser.parse("policy.yaml", yaml.replace("\\n", "\n"), kb));
        assertTrue(e.getMessage().startsWith("policy.yaml"), e.getMessage());
        if (expected != null) assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void emptyAndMissingFiles() {
        assertTrue(PolicyParser.parse("p.yaml", "", kb).hosts().isEmpty());
        BadInputException e = assertThrows(BadInputException.class, () -> PolicyParser.read(Path.of("/nonexistent/p.yaml"), kb));
        assertTrue(e.getMessage().contains("/nonexistent/p.yaml"));
    }
}
