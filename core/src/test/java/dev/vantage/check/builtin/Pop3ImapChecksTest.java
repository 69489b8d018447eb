package dev.vantage.check.builtin;

import dev.vantage.check.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Pop3ImapChecksTest {

    private static MailFakeServer pop3(String capa, String userReply) throws IOException {
        return MailFakeServer.start("+OK Dovecot (Debian) ready.\r\n", line -> {
            String u = line.toUpperCase(Locale.ROOT);
            if (u.equals("CAPA")) return capa;
            if (u.startsWith("USER ")) return userReply;
            if (u.equals("QUIT")) return "+OK Logging out\r\n";
            return "-ERR Unknown command.\r\n";
        });
    }

    @Test
    void pop3WithoutStlsTakingUser() throws IOException {
        try (MailFakeServer s = pop3("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nUSER\r\nSASL PLAIN LOGIN\r\n.\r\n", "+OK\r\n")) {
            List<Finding> f = new Pop3CleartextCheck().run(MailCheckContext.of("pop3", s.port()));
            assertEquals(1, f.size());
            assertEquals("USER before any TLS answered \"+OK\", so the password would follow in clear (CAPA lists no STLS)", f.get(0).evidence());
            assertEquals(0, s.count("PASS"));
        }
    }

    @Test
    void pop3RequiringStls() throws IOException {
        try (MailFakeServer s = pop3("+OK\r\nCAPA\r\nTOP\r\nSTLS\r\nSASL\r\n.\r\n",
                "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n")) {
            assertEquals(List.of(), new Pop3CleartextCheck().run(MailCheckContext.of("pop3", s.port())));
        }
    }

    @Test
    void pop3WithoutCapaStillJudgedByUser() {
        assertEquals(1, Pop3CleartextCheck.judge(null, "+OK send password").size());
        assertEquals(0, Pop3CleartextCheck.judge(null, "-ERR no").size());
        assertEquals(1, Pop3CleartextCheck.judge(List.of("STLS", "SASL PLAIN"), "-ERR use STLS").size());
    }

    private static MailFakeServer imap(String greeting, String capability) throws IOException {
        return MailFakeServer.start(greeting, line -> {
            String u = line.toUpperCase(Locale.ROOT);
            if (u.equals("A1 CAPABILITY")) return "* CAPABILITY " + capability + "\r\na1 OK Pre-login capabilities listed.\r\n";
            if (u.equals("A2 LOGOUT")) return "* BYE Logging out\r\na2 OK Logout completed.\r\n";
            return "* BAD unexpected\r\n";
        });
    }

    @Test
    void imapCapabilitiesFromTheGreeting() throws IOException {
        try (MailFakeServer s = imap("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ AUTH=PLAIN AUTH=LOGIN] Dovecot (Debian) ready.\r\n", "")) {
            List<Finding> f = new ImapCleartextCheck().run(MailCheckContext.of("imap", s.port()));
            assertEquals(1, f.size());
            assertTrue(f.get(0).evidence().contains("lacks LOGINDISABLED"), f.get(0).evidence());
            assertEquals(0, s.count("A1 CAPABILITY"), "the greeting said it all");
            assertEquals(0, s.count("A1 LOGIN"));
        }
    }

    @Test
    void imapCapabilityCommandWhenTheGreetingHasNone() throws IOException {
        try (MailFakeServer s = imap("* OK IMAP4rev1 ready\r\n", "IMAP4rev1 STARTTLS LOGINDISABLED")) {
            assertEquals(List.of(), new ImapCleartextCheck().run(MailCheckContext.of("imap", s.port())));
            assertEquals(1, s.count("A1 CAPABILITY"));
        }
    }

    @Test
    void imapLoginDisabledButPlainSasl() {
        List<Finding> f = ImapCleartextCheck.judge("IMAP4rev1 STARTTLS LOGINDISABLED AUTH=PLAIN");
        assertEquals(1, f.size());
        assertTrue(f.get(0).evidence().contains("AUTH=PLAIN"));
    }
}
