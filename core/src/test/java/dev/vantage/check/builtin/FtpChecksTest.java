package dev.vantage.check.builtin;

import dev.vantage.check.Finding;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FtpChecksTest {

    /** A vsftpd-like server; {@code extra} answers first (null: fall through to the defaults). */
    private static MailFakeServer ftp(Function<String, @Nullable String> extra) throws IOException {
        return MailFakeServer.start("220 (vsFTPd 3.0.3)\r\n", line -> {
            String custom = extra.apply(line.toUpperCase(Locale.ROOT));
            if (custom != null) return custom;
            String u = line.toUpperCase(Locale.ROOT);
            if (u.startsWith("QUIT")) return "221 Goodbye.\r\n";
            if (u.startsWith("FEAT")) return "211-Features:\r\n EPRT\r\n PASV\r\n211 End\r\n";
            if (u.startsWith("USER")) return "331 Please specify the password.\r\n";
            if (u.startsWith("PASS")) return "530 Login incorrect.\r\n";
            return "530 Please login with USER and PASS.\r\n";
        });
    }

    @Test
    void anonymousLoginIsFound() throws IOException {
        try (MailFakeServer s = ftp(u -> u.startsWith("PASS") ? "230 Login successful.\r\n" : null)) {
            List<Finding> f = new FtpAnonymousCheck().run(MailCheckContext.of("ftp", s.port()));
            assertEquals(1, f.size());
            assertTrue(f.get(0).evidence().contains("PASS vantage-check@vantage.invalid answered \"230 Login successful.\""));
            assertTrue(s.received().contains("USER anonymous"));
        }
    }

    @Test
    void refusedAnonymousIsNoFinding() throws IOException {
        try (MailFakeServer s = ftp(u -> null)) {
            assertEquals(List.of(), new FtpAnonymousCheck().run(MailCheckContext.of("ftp", s.port())));
        }
    }

    @Test
    void writableDirectoryIsCreatedAndRemoved() throws IOException {
        try (MailFakeServer s = ftp(u -> {
            if (u.startsWith("USER")) return "230 Login successful.\r\n";
            if (u.startsWith("MKD INCOMING/")) return "257 \"/" + u.substring(4).toLowerCase(Locale.ROOT) + "\" created\r\n";
            if (u.startsWith("MKD")) return "550 Create directory operation failed.\r\n";
            if (u.startsWith("RMD")) return "250 Remove directory operation successful.\r\n";
            return null;
        })) {
            List<Finding> f = new FtpAnonymousWriteCheck().run(MailCheckContext.of("ftp", s.port()));
            assertEquals(1, f.size());
            assertTrue(f.get(0).evidence().contains("removed it again"), f.get(0).evidence());
            String mkd = s.received().stream().filter(l -> l.startsWith("MKD incoming/")).findFirst().orElseThrow();
            assertTrue(mkd.matches("MKD incoming/vantage-write-test-\\d{8}-[0-9a-f]{8}"), mkd);
            assertTrue(s.received().contains("RMD " + mkd.substring(4)));
            assertEquals(0, s.count("STOR"));
            assertEquals(0, s.count("DELE"));
        }
    }

    @Test
    void directoryThatCannotBeRemovedIsNamed() throws IOException {
        try (MailFakeServer s = ftp(u -> {
            if (u.startsWith("USER")) return "230 Login successful.\r\n";
            if (u.startsWith("MKD")) return "257 \"/" + u.substring(4).toLowerCase(Locale.ROOT) + "\" created\r\n";
            if (u.startsWith("RMD")) return "550 Permission denied.\r\n";
            return null;
        })) {
            List<Finding> f = new FtpAnonymousWriteCheck().run(MailCheckContext.of("ftp", s.port()));
            assertTrue(f.get(0).evidence().contains("could NOT remove it"), f.get(0).evidence());
            assertTrue(f.get(0).evidence().contains("please delete the empty directory /vantage-write-test-"), f.get(0).evidence());
            assertEquals(2, s.count("RMD"), "the path as sent, then as the server reported it");
        }
    }

    @Test
    void hostilePathInTheMkdReplyIsNotRemoved() throws IOException {
        try (MailFakeServer s = ftp(u -> {
            if (u.startsWith("USER")) return "230 Login successful.\r\n";
            if (u.startsWith("MKD")) return "257 \"/etc\" created\r\n";
            if (u.startsWith("RMD")) return "550 Permission denied.\r\n";
            return null;
        })) {
            new FtpAnonymousWriteCheck().run(MailCheckContext.of("ftp", s.port()));
            assertTrue(s.received().stream().noneMatch(l -> l.equals("RMD /etc")));
        }
    }

    @Test
    void noAuthTlsIsCleartext() throws IOException {
        try (MailFakeServer s = ftp(u -> null)) {
            List<Finding> f = new FtpCleartextCheck().run(MailCheckContext.of("ftp", s.port()));
            assertEquals(1, f.size());
            assertEquals("FEAT lists no AUTH TLS; AUTH TLS answered \"530 Please login with USER and PASS.\"", f.get(0).evidence());
            assertEquals(1, s.connections());
        }
    }

    @Test
    void optionalTlsIsStillCleartext() throws IOException {
        try (MailFakeServer s = ftp(u -> {
            if (u.startsWith("FEAT")) return "211-Features:\r\n AUTH TLS\r\n211 End\r\n";
            if (u.startsWith("AUTH TLS")) return "234 Proceed with negotiation.\r\n";
            return null;
        })) {
            List<Finding> f = new FtpCleartextCheck().run(MailCheckContext.of("ftp", s.port()));
            assertEquals(1, f.size());
            assertTrue(f.get(0).evidence().contains("TLS is optional"), f.get(0).evidence());
            assertEquals(2, s.connections());
            assertEquals(0, s.count("PASS"), "no password is ever sent");
        }
    }

    @Test
    void requiredTlsIsFine() throws IOException {
        try (MailFakeServer s = ftp(u -> {
            if (u.startsWith("FEAT")) return "211-Features:\r\n AUTH TLS\r\n211 End\r\n";
            if (u.startsWith("AUTH TLS")) return "234 Proceed with negotiation.\r\n";
            if (u.startsWith("USER")) return "530 Non-anonymous sessions must use encryption.\r\n";
            return null;
        })) {
            assertEquals(List.of(), new FtpCleartextCheck().run(MailCheckContext.of("ftp", s.port())));
        }
    }

    @Test
    void foreignPortAcceptedIsABounce() throws IOException {
        try (MailFakeServer s = ftp(u -> {
            if (u.startsWith("USER")) return "230 Login successful.\r\n";
            if (u.startsWith("PORT")) return "200 PORT command successful. Consider using PASV.\r\n";
            return null;
        })) {
            List<Finding> f = new FtpBounceCheck().run(MailCheckContext.of("ftp", s.port()));
            assertEquals(1, f.size());
            assertTrue(s.received().contains("PORT 192,0,2,1,0,80"));
            for (String transfer : List.of("LIST", "NLST", "RETR", "STOR", "APPE", "STOU")) assertEquals(0, s.count(transfer), transfer);
        }
    }

    @Test
    void illegalPortIsNoBounce() throws IOException {
        try (MailFakeServer s = ftp(u -> {
            if (u.startsWith("USER")) return "230 Login successful.\r\n";
            if (u.startsWith("PORT")) return "500 Illegal PORT command.\r\n";
            return null;
        })) {
            assertEquals(List.of(), new FtpBounceCheck().run(MailCheckContext.of("ftp", s.port())));
        }
        try (MailFakeServer s = ftp(u -> null)) {
            assertEquals(List.of(), new FtpBounceCheck().run(MailCheckContext.of("ftp", s.port())));
            assertEquals(0, s.count("PORT"), "no PORT without a login");
        }
    }
}
