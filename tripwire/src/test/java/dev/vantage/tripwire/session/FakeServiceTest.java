package dev.vantage.tripwire.session;

import dev.vantage.store.decoy.DecoyCredential;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each fake prompt against a scripted client: what it answers, what it keeps, and that no password survives. */
class FakeServiceTest {
    static final PasswordHasher HASHER = new PasswordHasher(new byte[32]);

    record Run(Conversation c, ScriptedLink link) {
        String transcript() {
            return new String(c.transcript(), StandardCharsets.ISO_8859_1);
        }
    }

    static Run run(FakeService service, String... chunks) throws Exception {
        List<byte[]> bytes = new ArrayList<>();
        for (String s : chunks) bytes.add(s.getBytes(StandardCharsets.ISO_8859_1));
        ScriptedLink link = new ScriptedLink(bytes);
        Conversation c = new Conversation(link, HASHER, 2048, 5000, System::nanoTime);
        service.converse(c);
        return new Run(c, link);
    }

    @Test
    void telnetStripsNegotiationKeepsTheUserAndHashesThePassword() throws Exception {
        Run r = run(new TelnetService(), "\u00ff\u00fd\u0001\u00ff\u00fb\u001f", "root\r", "\n", "Pa55w0rd-telnet\r\0", "admin\r\n", "\r\n");
        assertTrue(r.link().written().startsWith("\u00ff\u00fb\u0001\u00ff\u00fb\u0003"), "negotiation first");
        assertTrue(r.link().written().contains("login: "));
        assertTrue(r.link().written().contains("Login incorrect"));
        List<DecoyCredential> creds = r.c().credentials();
        assertEquals("root", creds.get(0).user());
        assertEquals(15, creds.get(0).passwordLength());
        assertEquals(HASHER.hash("Pa55w0rd-telnet".getBytes(StandardCharsets.US_ASCII)), creds.get(0).passwordSha256());
        assertEquals("admin", creds.get(1).user());
        assertEquals(0, creds.get(1).passwordLength(), "an empty password is a password of length 0");
        assertFalse(r.transcript().contains("Pa55w0rd"), r.transcript());
        assertTrue(r.transcript().contains("root\r\n[password removed, 15 bytes]\r\0admin\r\n"), r.transcript());
    }

    @Test
    void telnetWithoutPasswordKeepsTheUserName() throws Exception {
        Run r = run(new TelnetService(), "guest\r\n");
        assertEquals(List.of(DecoyCredential.userOnly("guest")), r.c().credentials());
    }

    @Test
    void ftpAnswersLikeVsftpdAndNeverLetsAnyoneIn() throws Exception {
        Run r = run(new FtpService(), "USER anonymous\r\n", "PASS ftp-Secret-1\r\n", "SYST\r\n", "USER root\r\nPASS toor-Secret-2\r\n", "QUIT\r\n");
        String said = r.link().written();
        assertTrue(said.startsWith("220 (vsFTPd 3.0.3)\r\n"), said);
        assertTrue(said.contains("331 Please specify the password.\r\n530 Login incorrect.\r\n530 Please login with USER and PASS.\r\n"), said);
        assertTrue(said.endsWith("221 Goodbye.\r\n"), said);
        assertEquals("anonymous", r.c().credentials().get(0).user());
        assertEquals(12, r.c().credentials().get(0).passwordLength());
        assertEquals("root", r.c().credentials().get(1).user());
        assertFalse(r.transcript().contains("Secret"), r.transcript());
        assertTrue(r.transcript().contains("PASS [password removed, 12 bytes]\r\n"), r.transcript());
    }

    @Test
    void ftpStopsAfterThreeFailedLogins() throws Exception {
        Run r = run(new FtpService(), "USER a\r\nPASS 1\r\nUSER b\r\nPASS 2\r\nUSER c\r\nPASS 3\r\nUSER d\r\nPASS 4\r\n");
        assertEquals(3, r.c().credentials().size());
    }

    @Test
    void smtpRefusesAuthAndRelayAndNeverTakesData() throws Exception {
        String plain = Base64.getEncoder().encodeToString("\0postmaster\0smtp-Secret-3".getBytes(StandardCharsets.US_ASCII));
        String loginUser = Base64.getEncoder().encodeToString("info".getBytes(StandardCharsets.US_ASCII));
        String loginPass = Base64.getEncoder().encodeToString("smtp-Secret-4".getBytes(StandardCharsets.US_ASCII));
        Run r = run(new SmtpService(), "EHLO bot\r\n", "AUTH PLAIN " + plain + "\r\n", "AUTH LOGIN\r\n", loginUser + "\r\n", loginPass + "\r\n",
                "MAIL FROM:<a@b>\r\n", "RCPT TO:<victim@example.com>\r\n", "DATA\r\n", "Subject: spam\r\n");
        String said = r.link().written();
        assertTrue(said.contains("250-AUTH PLAIN LOGIN"), said);
        assertTrue(said.contains("535 5.7.8"), said);
        assertTrue(said.contains("554 5.7.1 Relay access denied"), said);
        assertTrue(said.contains("554 5.5.1 Error: no valid recipients"), said);
        assertFalse(said.contains("354"), "never invites DATA");
        assertEquals("postmaster", r.c().credentials().get(0).user());
        assertEquals(13, r.c().credentials().get(0).passwordLength());
        assertEquals("info", r.c().credentials().get(1).user());
        assertFalse(r.transcript().contains(plain), r.transcript());
        assertFalse(r.transcript().contains(loginPass), r.transcript());
        assertTrue(r.transcript().contains(loginUser), "a LOGIN user name is not a secret");
    }

    @Test
    void smtpAuthWithATabBeforeTheResponseStillHidesIt() throws Exception {
        String plain = Base64.getEncoder().encodeToString("\0u\0tab-Secret-5".getBytes(StandardCharsets.US_ASCII));
        Run r = run(new SmtpService(), "AUTH\tPLAIN\t" + plain + "\r\n");
        assertFalse(r.transcript().contains(plain), r.transcript());
        assertEquals("u", r.c().credentials().getFirst().user());
    }

    @Test
    void httpAsksForALoginAndCutsPasswordsOutOfHeadersQueriesAndBodies() throws Exception {
        String basic = Base64.getEncoder().encodeToString("admin:http-Secret-6".getBytes(StandardCharsets.US_ASCII));
        String body = "username=root&password=http-Secret-7";
        Run r = run(new HttpService(),
                "POST /cgi-bin/login.cgi?user=x&pwd=http-Secret-8 HTTP/1.1\r\nHost: 192.0.2.1\r\nUser-Agent: Mozilla/5.0 (bot)\r\n",
                "Authorization: Basic " + basic + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body);
        String said = r.link().written();
        assertTrue(said.startsWith("HTTP/1.1 401 Unauthorized\r\n"), said);
        assertTrue(said.contains("WWW-Authenticate: Basic realm="), said);
        assertFalse(r.transcript().contains("Secret"), r.transcript());
        assertFalse(r.transcript().contains(basic), r.transcript());
        assertTrue(r.transcript().contains("User-Agent: Mozilla/5.0 (bot)"), r.transcript());
        assertTrue(r.transcript().contains("Authorization: Basic [password removed, "), r.transcript());
        List<String> users = r.c().credentials().stream().map(DecoyCredential::user).toList();
        assertEquals(List.of("x", "admin", "root"), users);
        assertEquals(13, r.c().credentials().get(1).passwordLength());
    }

    @Test
    void sshSendsItsIdentificationAndKeepsTheClients() throws Exception {
        Run r = run(new SshService(), "SSH-2.0-Go\r\n", "\0\0\u0001\u0014kexinit...");
        assertTrue(r.link().written().startsWith("SSH-2.0-OpenSSH_9.2p1"));
        assertTrue(r.transcript().startsWith("SSH-2.0-Go\r\n\0\0"), r.transcript());
    }

    @Test
    void silenceRecordsEverythingUpToTheLimit() throws Exception {
        String big = "A".repeat(5000);
        Run r = run(new SilentService(), "GARBAGE\u0000\u00ff", big);
        assertEquals("", r.link().written());
        assertEquals(2048, r.c().received());
        assertEquals(2048, r.c().transcript().length);
        assertEquals(Conversation.End.LIMIT, r.c().end());
    }
}
