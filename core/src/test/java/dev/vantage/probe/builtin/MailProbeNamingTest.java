package dev.vantage.probe.builtin;

import dev.vantage.probe.IdentifyConfig;
import dev.vantage.probe.ProbeRegistry;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceIdentifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** How the identifier names greetings of this group by port, with every registered probe in play. */
class MailProbeNamingTest {
    private final ServiceIdentifier identifier = new ServiceIdentifier(ProbeRegistry.builtins(), IdentifyConfig.defaults());

    private String name(int port, String greeting) {
        Service s = identifier.fromGreeting(port, greeting.getBytes(StandardCharsets.ISO_8859_1));
        assertNotNull(s, "recognised on port " + port + ": " + greeting);
        return s.name();
    }

    @Test
    void smtpOn25SubmissionOn587() {
        String postfix = "220 mail.example.org ESMTP Postfix (Debian/GNU)\r\n";
        assertEquals("smtp", name(25, postfix));
        assertEquals("submission", name(587, postfix));
        assertEquals("smtp", name(465, postfix));     // the greeting inside TLS on 465
        assertEquals("smtp", name(2525, postfix));
        assertEquals("smtp", name(8025, postfix));
    }

    @Test
    void bareGreetingIsNamedByPort() {
        String bare = "220 Welcome\r\n";
        assertEquals("ftp", name(21, bare));
        assertEquals("smtp", name(25, bare));
        assertEquals("submission", name(587, bare));
        assertEquals("smtp", name(10025, bare));
    }

    @Test
    void greetingThatSaysWhatItIsWinsOverThePort() {
        assertEquals("ftp", name(25, "220 (vsFTPd 3.0.3)\r\n"));
        assertEquals("smtp", name(21, "220 mx.example.org ESMTP Exim 4.96\r\n"));
        assertEquals("pop3", name(143, "+OK Dovecot ready.\r\n"));
        assertEquals("imap", name(110, "* OK Dovecot ready.\r\n"));
    }

    @Test
    void productsAreNmapNames() {
        Service s = identifier.fromGreeting(110, "+OK Dovecot (Debian) ready.\r\n".getBytes(StandardCharsets.US_ASCII));
        assertNotNull(s);
        assertEquals("Dovecot pop3d", s.product());
        Service f = identifier.fromGreeting(21, "220 (vsFTPd 3.0.3)\r\n".getBytes(StandardCharsets.US_ASCII));
        assertNotNull(f);
        assertEquals("vsftpd 3.0.3", f.describe());
    }
}
