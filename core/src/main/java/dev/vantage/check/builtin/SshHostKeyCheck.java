package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.ssh.SshClient;
import dev.vantage.probe.ssh.SshHostKey;
import dev.vantage.probe.ssh.SshKexInit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Weak host keys: a DSA key (offered as {@code ssh-dss}; DSA in SSH is 1024 bits by definition)
 * or an RSA key under 2048 bits. The RSA size is not in the KEXINIT, so when the server has an
 * RSA key we run one key exchange asking for RSA only and read the key from the server's reply.
 */
public final class SshHostKeyCheck implements Check {
    static final String ID = "ssh-hostkey";
    static final String FINDING = "ssh-weak-hostkey";
    static final int MIN_RSA_BITS = 2048;
    private static final List<String> RSA = List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ssh"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        List<Finding> findings = new ArrayList<>();
        try (Connection c = context.connect()) {
            SshClient ssh = SshClient.start(c);
            SshKexInit k = ssh.serverKexInit();
            if (k.hostKey().contains("ssh-dss")) {
                findings.add(new Finding(FINDING, ID, "offers a DSA host key (ssh-dss, 1024 bits)"));
            }
            if (k.hostKey().stream().anyMatch(RSA::contains)) {
                judgeRsa(ssh.keyExchange(RSA).hostKey()).ifPresent(findings::add);
            }
        }
        return findings;
    }

    static java.util.Optional<Finding> judgeRsa(SshHostKey key) {
        if (!key.type().equals("ssh-rsa") || key.bits() <= 0 || key.bits() >= MIN_RSA_BITS) return java.util.Optional.empty();
        return java.util.Optional.of(new Finding(FINDING, ID, "its RSA host key has only " + key.bits() + " bits"));
    }
}
