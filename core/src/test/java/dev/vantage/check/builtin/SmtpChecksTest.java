package dev.vantage.check.builtin;

import dev.vantage.check.Finding;
import dev.vantage.probe.builtin.TextReplies;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** VRFY/EXPN and the clear-text checks against scripted servers. */
class SmtpChecksTest {

    private static MailFakeServer server(String ehlo, Map<String, String> answers) throws IOException {
        return MailFakeServer.start("220 mx.fake.test ESMTP\r\n", line -> {
            String u = line.toUpperCase(Locale.ROOT);
            if (u.startsWith("EHLO")) return ehlo;
            if (u.startsWith("QUIT")) return "221 Bye\r\n";
            for (var e : answers.entrySet()) if (u.startsWith(e.getKey())) return e.getValue();
            return "502 5.5.2 Error: command not recognized\r\n";
        });
    }

    private static final String POSTFIX_EHLO = "250-mx.fake.test\r\n250-PIPELINING\r\n250-VRFY\r\n250 8BITMIME\r\n";

    @Test
    void postfixStyleVrfyRevealsUsers() throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("VRFY POSTMASTER", "252 2.0.0 postmaster\r\n");
        a.put("VRFY ", "550 5.1.1 <x>: Recipient address rejected: User unknown in local recipient table\r\n");
        try (MailFakeServer s = server(POSTFIX_EHLO, a)) {
            List<Finding> f = new SmtpUserEnumerationCheck().run(MailCheckContext.of("smtp", s.port()));
            assertEquals(List.of(SmtpUserEnumerationCheck.VRFY), f.stream().map(Finding::id).toList());
            assertTrue(f.get(0).evidence().startsWith("VRFY postmaster answered \"252 2.0.0 postmaster\""), f.get(0).evidence());
        }
    }

    @Test
    void sameAnswerForEveryNameRevealsNothing() throws IOException {
        Map<String, String> a = Map.of("VRFY", "252 2.5.2 Cannot VRFY user; try RCPT to attempt delivery\r\n",
                "EXPN", "502 5.7.0 Sorry, we do not allow this operation\r\n");
        try (MailFakeServer s = server(POSTFIX_EHLO, a)) {
            assertEquals(List.of(), new SmtpUserEnumerationCheck().run(MailCheckContext.of("smtp", s.port())));
        }
    }

    @Test
    void expnThatListsMembers() throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("EXPN POSTMASTER", "250-2.1.5 <root@mx.fake.test>\r\n250 2.1.5 <admin@mx.fake.test>\r\n");
        a.put("EXPN ", "550 5.1.1 User unknown\r\n");
        a.put("VRFY", "502 5.5.1 VRFY command is disabled\r\n");
        try (MailFakeServer s = server(POSTFIX_EHLO, a)) {
            List<Finding> f = new SmtpUserEnumerationCheck().run(MailCheckContext.of("smtp", s.port()));
            assertEquals(List.of(SmtpUserEnumerationCheck.EXPN), f.stream().map(Finding::id).toList());
            assertTrue(f.get(0).evidence().contains("<root@mx.fake.test>"));
        }
    }

    @Test
    void plainEhloWithoutStarttlsButWithAuth() throws IOException {
        String ehlo = "250-mx.fake.test\r\n250-AUTH PLAIN LOGIN CRAM-MD5\r\n250-AUTH=PLAIN LOGIN\r\n250 8BITMIME\r\n";
        try (MailFakeServer s = server(ehlo, Map.of())) {
            List<Finding> f = new SmtpCleartextCheck().run(MailCheckContext.of("smtp", s.port()));
            assertEquals(List.of(SmtpCleartextCheck.NO_STARTTLS, SmtpCleartextCheck.AUTH_CLEARTEXT), f.stream().map(Finding::id).toList());
            assertTrue(f.get(1).evidence().contains("PLAIN and LOGIN"), f.get(1).evidence());
            assertEquals(1, s.count("QUIT"));
        }
    }

    @Test
    void starttlsAndNoAuthBeforeIsFine() throws IOException {
        String ehlo = "250-mx.fake.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 SMTPUTF8\r\n";
        try (MailFakeServer s = server(ehlo, Map.of())) {
            assertEquals(List.of(), new SmtpCleartextCheck().run(MailCheckContext.of("submission", s.port())));
        }
    }

    @Test
    void onlyCramBeforeTlsIsNotCleartext() {
        var hello = TextReplies.parse("250-x\r\n250-STARTTLS\r\n250 AUTH CRAM-MD5\r\n", false).orElseThrow();
        assertEquals(List.of(), SmtpCleartextCheck.judge(hello, Map.of("STARTTLS", "", "AUTH", "CRAM-MD5")));
    }

    @Test
    void heloOnlyServerCannotOfferStarttls() throws IOException {
        try (MailFakeServer s = MailFakeServer.start("220 old.fake.test SMTP\r\n", line -> {
            String u = line.toUpperCase(Locale.ROOT);
            if (u.startsWith("EHLO")) return "500 Command unrecognized\r\n";
            if (u.startsWith("HELO")) return "250 old.fake.test\r\n";
            return "221 Bye\r\n";
        })) {
            List<Finding> f = new SmtpCleartextCheck().run(MailCheckContext.of("smtp", s.port()));
            assertEquals(List.of(SmtpCleartextCheck.NO_STARTTLS), f.stream().map(Finding::id).toList());
            assertTrue(f.get(0).evidence().contains("does not speak ESMTP"));
        }
    }

    /** Postfix's postscreen sends "220-" at once and the rest of its greeting seconds later. */
    @Test
    void slowGreetingLikePostscreenIsWaitedFor() throws IOException {
        try (MailFakeServer s = MailFakeServer.start("220-mx.fake.test ESMTP Postfix\r\n\f220 mx.fake.test ESMTP Postfix\r\n", line -> {
            String u = line.toUpperCase(Locale.ROOT);
            if (u.startsWith("EHLO")) return "250-mx.fake.test\r\n250 STARTTLS\r\n";
            return "221 Bye\r\n";
        })) {
            assertEquals(List.of(), new SmtpCleartextCheck().run(MailCheckContext.of("smtp", s.port())));
        }
    }
}
