package dev.vantage.check.builtin;

import dev.vantage.check.CheckSettings;
import dev.vantage.check.Finding;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtpRelayCheckTest {
    private static final String GREETING = "220 mx.fake.test ESMTP test server\r\n";

    /** An SMTP server that says 250 to RCPT when {@code accept} likes the address, 550 otherwise. */
    private static MailFakeServer smtp(Predicate<String> accept) throws IOException {
        return MailFakeServer.start(GREETING, line -> {
            String u = line.toUpperCase(Locale.ROOT);
            if (u.startsWith("EHLO")) return "250-mx.fake.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n";
            if (u.startsWith("RSET") || u.startsWith("MAIL FROM:")) return "250 2.0.0 Ok\r\n";
            if (u.startsWith("RCPT TO:")) {
                return accept.test(line.substring(8)) ? "250 2.1.5 Ok\r\n" : "550 5.7.1 Relay access denied\r\n";
            }
            if (u.startsWith("QUIT")) return "221 2.0.0 Bye\r\n";
            return "502 5.5.2 Error: command not recognized\r\n";
        });
    }

    private static List<Finding> run(MailFakeServer server) throws IOException {
        return new SmtpRelayCheck().run(MailCheckContext.of("smtp", server.port()));
    }

    private static void assertNoDataEverSent(MailFakeServer server) {
        assertEquals(0, server.count("DATA"), "DATA was sent");
        assertEquals(0, server.count("BDAT"), "BDAT was sent");
    }

    @Test
    void serverThatAcceptsEverythingIsUncertain() throws IOException {
        try (MailFakeServer server = smtp(rcpt -> true)) {
            List<Finding> f = run(server);
            assertEquals(1, f.size());
            assertEquals(SmtpRelayCheck.UNCERTAIN, f.get(0).id());
            assertTrue(f.get(0).evidence().contains("null sender"), f.get(0).evidence());
            assertTrue(f.get(0).evidence().contains("@mx.fake.test"), "control at the server's own name: " + f.get(0).evidence());
            assertNoDataEverSent(server);
            assertEquals(1, server.count("QUIT"));
        }
    }

    @Test
    void serverThatFallsForOneTrickIsAnOpenRelay() throws IOException {
        try (MailFakeServer server = smtp(rcpt -> rcpt.contains("%relay-test.vantage.invalid@"))) {
            List<Finding> f = run(server);
            assertEquals(1, f.size());
            Finding relay = f.get(0);
            assertEquals(SmtpRelayCheck.OPEN_RELAY, relay.id());
            assertTrue(relay.evidence().contains("RCPT TO:<vantage-relay-test%relay-test.vantage.invalid@[127.0.0.1]> (percent hack) answered \"250 2.1.5 Ok\""),
                    relay.evidence());
            assertTrue(relay.evidence().contains("was refused"), relay.evidence());
            assertNoDataEverSent(server);
        }
    }

    @Test
    void serverThatRefusesEveryTrickHasNoFinding() throws IOException {
        try (MailFakeServer server = smtp(rcpt -> false)) {
            assertEquals(List.of(), run(server));
            assertTrue(server.count("MAIL FROM:") <= SmtpRelayCheck.MAX_TRICKS);
            assertEquals(SmtpRelayCheck.MAX_TRICKS, server.count("RCPT TO:"));
            assertNoDataEverSent(server);
            int sessions = (SmtpRelayCheck.MAX_TRICKS + SmtpRelayCheck.TRICKS_PER_SESSION - 1) / SmtpRelayCheck.TRICKS_PER_SESSION;
            assertEquals(sessions, server.count("QUIT"), "every connection ends with QUIT");
            assertEquals(sessions, server.connections(), "a fresh connection every " + SmtpRelayCheck.TRICKS_PER_SESSION + " refusals");
        }
    }

    @Test
    void everyRecipientIsUnderTheRelayDomainOrTestNet() throws IOException {
        try (MailFakeServer server = smtp(rcpt -> false)) {
            run(server);
            for (String line : server.received()) {
                if (!line.startsWith("RCPT TO:")) continue;
                assertTrue(line.contains("relay-test.vantage.invalid") || line.contains("[192.0.2.1]"), line);
            }
        }
    }

    @Test
    void carriesOnOnAFreshConnectionWhenTheServerHangsUp() throws IOException {
        AtomicInteger rcpts = new AtomicInteger();
        try (MailFakeServer server = MailFakeServer.start(GREETING, line -> hangUpEveryFourthRcpt(line, rcpts))) {
            assertEquals(List.of(), run(server));
            assertTrue(server.connections() >= 2 && server.connections() <= 3 + SmtpRelayCheck.MAX_HANGUPS, "connections: " + server.connections());
            assertNoDataEverSent(server);
        }
    }

    private static @Nullable String hangUpEveryFourthRcpt(String line, AtomicInteger rcpts) {
        String u = line.toUpperCase(Locale.ROOT);
        if (u.startsWith("EHLO")) return "250 mx.fake.test\r\n";
        if (u.startsWith("RCPT")) return rcpts.incrementAndGet() % 4 == 0 ? "421 4.7.0 Too many errors\r\n" : "554 5.7.1 Relay access denied\r\n";
        if (u.startsWith("QUIT")) return "221 Bye\r\n";
        return "250 Ok\r\n";
    }

    @Test
    void givesUpAfterTheConnectionLimit() throws IOException {
        try (MailFakeServer server = MailFakeServer.start(GREETING, line -> line.toUpperCase(Locale.ROOT).startsWith("EHLO") ? "250 x.test\r\n" : null)) {
            assertThrows(IOException.class, () -> run(server));
            assertEquals(1 + SmtpRelayCheck.MAX_HANGUPS, server.connections());
        }
    }

    @Test
    void refusedSessionIsACouldNotTell() throws IOException {
        try (MailFakeServer server = MailFakeServer.start("554 5.7.1 mx.fake.test ESMTP not accepting mail\r\n", line -> "221 Bye\r\n")) {
            IOException e = assertThrows(IOException.class, () -> run(server));
            assertTrue(e.getMessage().contains("554"), e.getMessage());
        }
    }

    @Test
    void hostileNamesInTheGreetingAreNotUsed() throws IOException {
        try (MailFakeServer server = MailFakeServer.start("220 <x>@evil ESMTP\r\n", line -> {
            String u = line.toUpperCase(Locale.ROOT);
            if (u.startsWith("EHLO")) return "250 a:b\"c\r\n";
            if (u.startsWith("QUIT")) return "221 Bye\r\n";
            return u.startsWith("RCPT") ? "550 no\r\n" : "250 Ok\r\n";
        })) {
            run(server);
            for (String line : server.received()) {
                assertTrue(!line.contains("evil") && !line.contains("a:b"), line);
            }
            assertTrue(server.received().stream().anyMatch(l -> l.equals("MAIL FROM:<vantage-check@[127.0.0.1]>")));
        }
    }

    @Test
    void badRelayDomainSettingIsRefusedBeforeConnecting() throws IOException {
        try (MailFakeServer server = smtp(rcpt -> true)) {
            CheckSettings bad = new CheckSettings("evil>\r\nDATA", Duration.ofSeconds(5));
            assertThrows(IOException.class, () -> new SmtpRelayCheck().run(MailCheckContext.of("smtp", server.port(), bad)));
            assertEquals(0, server.connections());
        }
    }

    @Test
    void tricksAreBoundedAndComplete() {
        List<SmtpRelayCheck.Trick> withName = SmtpRelayCheck.tricks("relay.example", "mx.example.org", "[198.51.100.7]");
        List<SmtpRelayCheck.Trick> withoutName = SmtpRelayCheck.tricks("relay.example", null, "[198.51.100.7]");
        assertEquals(SmtpRelayCheck.MAX_TRICKS, withName.size());
        assertTrue(withoutName.size() <= SmtpRelayCheck.MAX_TRICKS);
        List<String> recipients = withName.stream().map(SmtpRelayCheck.Trick::recipient).toList();
        assertTrue(recipients.contains("vantage-relay-test@relay.example"));
        assertTrue(recipients.contains("vantage-relay-test%relay.example@[198.51.100.7]"));
        assertTrue(recipients.contains("\"vantage-relay-test@relay.example\""));
        assertTrue(recipients.contains("vantage-relay-test@relay.example@[198.51.100.7]"));
        assertTrue(recipients.contains("@[198.51.100.7]:vantage-relay-test@relay.example"));
        assertTrue(recipients.contains("relay.example!vantage-relay-test"));
        assertTrue(recipients.contains("vantage-relay-test@[192.0.2.1]"));
        assertTrue(withName.stream().anyMatch(t -> t.sender().isEmpty()), "null sender");
        assertTrue(withName.stream().anyMatch(t -> t.sender().equals("vantage-check@mx.example.org")));
        assertTrue(withName.stream().anyMatch(t -> t.sender().equals("vantage-check@relay.example")));
    }
}
