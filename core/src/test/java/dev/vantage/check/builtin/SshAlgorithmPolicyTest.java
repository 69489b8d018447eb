package dev.vantage.check.builtin;

import dev.vantage.probe.ssh.SshClient;
import dev.vantage.probe.ssh.SshHostKey;
import dev.vantage.probe.ssh.SshIdent;
import dev.vantage.probe.ssh.SshKexInit;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which algorithms count as weak, and the SSH findings built on that. */
class SshAlgorithmPolicyTest {
    private static SshKexInit kex(List<String> kex, List<String> ciphers, List<String> macs) {
        return new SshKexInit(kex, List.of("ssh-ed25519"), ciphers, ciphers, macs, macs, List.of("none"), List.of("none"), false);
    }

    @Test
    void weakKeyExchange() {
        for (String a : List.of("diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1",
                "gss-group14-sha1-toWM5Slw5Ew8Mqkay+al2g==", "rsa1024-sha1")) {
            assertTrue(SshAlgorithmPolicy.weakKex(a), a);
        }
        for (String a : List.of("curve25519-sha256", "sntrup761x25519-sha512@openssh.com", "diffie-hellman-group14-sha256",
                "diffie-hellman-group-exchange-sha256", "ecdh-sha2-nistp256", "kex-strict-s-v00@openssh.com", "ext-info-s")) {
            assertFalse(SshAlgorithmPolicy.weakKex(a), a);
        }
    }

    @Test
    void weakCiphersAndMacs() {
        for (String a : List.of("aes128-cbc", "3des-cbc", "arcfour256", "blowfish-cbc", "cast128-cbc", "rijndael-cbc@lysator.liu.se", "none")) {
            assertTrue(SshAlgorithmPolicy.weakCipher(a), a);
        }
        for (String a : List.of("aes128-ctr", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com")) {
            assertFalse(SshAlgorithmPolicy.weakCipher(a), a);
        }
        for (String a : List.of("hmac-md5", "hmac-md5-96-etm@openssh.com", "hmac-sha1-96", "none")) {
            assertTrue(SshAlgorithmPolicy.weakMac(a), a);
        }
        // deliberately not flagged: stock OpenSSH defaults without a practical attack (see SshAlgorithmPolicy)
        for (String a : List.of("umac-64@openssh.com", "umac-64-etm@openssh.com", "hmac-sha1", "hmac-sha2-256", "umac-128-etm@openssh.com")) {
            assertFalse(SshAlgorithmPolicy.weakMac(a), a);
        }
    }

    @Test
    void terrapinNeedsTheVulnerableModesAndNoStrictKex() {
        SshKexInit chacha = kex(List.of("curve25519-sha256"), List.of("chacha20-poly1305@openssh.com"), List.of("hmac-sha2-256"));
        assertTrue(SshAlgorithmPolicy.terrapin(chacha).isPresent());
        SshKexInit strict = kex(List.of("curve25519-sha256", "kex-strict-s-v00@openssh.com"), List.of("chacha20-poly1305@openssh.com"),
                List.of("hmac-sha2-256"));
        assertTrue(SshAlgorithmPolicy.terrapin(strict).isEmpty());
        SshKexInit cbcEtm = kex(List.of("curve25519-sha256"), List.of("aes128-cbc"), List.of("hmac-sha2-256-etm@openssh.com"));
        assertTrue(SshAlgorithmPolicy.terrapin(cbcEtm).isPresent());
        SshKexInit cbcPlainMac = kex(List.of("curve25519-sha256"), List.of("aes128-cbc"), List.of("hmac-sha2-256"));
        assertTrue(SshAlgorithmPolicy.terrapin(cbcPlainMac).isEmpty());
    }

    @Test
    void protocolOneFromTheIdentificationLine() {
        SshIdent both = SshIdent.parse("SSH-1.99-OpenSSH_3.9p1\r\n".getBytes(StandardCharsets.US_ASCII)).orElseThrow();
        assertEquals("ssh-protocol-1", SshProtocolCheck.judge(both).get(0).id());
        SshIdent two = SshIdent.parse("SSH-2.0-OpenSSH_9.2p1\r\n".getBytes(StandardCharsets.US_ASCII)).orElseThrow();
        assertEquals(List.of(), SshProtocolCheck.judge(two));
    }

    @Test
    void passwordLikeMethods() {
        assertEquals(1, SshAuthMethodsCheck.judge(new SshClient.AuthMethods(List.of("publickey", "password"), false, null)).size());
        assertEquals(1, SshAuthMethodsCheck.judge(new SshClient.AuthMethods(List.of("publickey", "keyboard-interactive"), false, null)).size());
        assertEquals(List.of(), SshAuthMethodsCheck.judge(new SshClient.AuthMethods(List.of("publickey"), false, null)));
        assertTrue(SshAuthMethodsCheck.judge(new SshClient.AuthMethods(List.of(), true, null)).get(0).evidence().contains("without any password"));
    }

    @Test
    void shortRsaHostKeys() {
        assertTrue(SshHostKeyCheck.judgeRsa(new SshHostKey("ssh-rsa", 1024)).isPresent());
        assertTrue(SshHostKeyCheck.judgeRsa(new SshHostKey("ssh-rsa", 2048)).isEmpty());
        assertTrue(SshHostKeyCheck.judgeRsa(new SshHostKey("ssh-ed25519", 256)).isEmpty());
    }
}
