package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.ssh.SshClient;
import dev.vantage.probe.ssh.SshKexInit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the server's KEXINIT (sent in the clear right after the identification lines) and judges
 * the offered key exchange methods, ciphers and MACs by {@link SshAlgorithmPolicy}. One
 * connection, no key exchange.
 */
public final class SshAlgorithmsCheck implements Check {
    static final String ID = "ssh-algorithms";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ssh"), 2, false, Set.of("ssh-weak-kex", "ssh-weak-cipher", "ssh-weak-mac", "ssh-terrapin"));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        try (Connection c = context.connect()) {
            return judge(SshClient.start(c).serverKexInit());
        }
    }

    /** The findings for a KEXINIT (pure, for tests). */
    public static List<Finding> judge(SshKexInit k) {
        List<Finding> findings = new ArrayList<>();
        List<String> kex = SshAlgorithmPolicy.weakKexOffered(k);
        if (!kex.isEmpty()) findings.add(new Finding("ssh-weak-kex", ID, "offers key exchange " + String.join(", ", kex)));
        List<String> ciphers = SshAlgorithmPolicy.weakCiphersOffered(k);
        if (!ciphers.isEmpty()) findings.add(new Finding("ssh-weak-cipher", ID, "offers ciphers " + String.join(", ", ciphers)));
        List<String> macs = SshAlgorithmPolicy.weakMacsOffered(k);
        if (!macs.isEmpty()) findings.add(new Finding("ssh-weak-mac", ID, "offers MACs " + String.join(", ", macs)));
        SshAlgorithmPolicy.terrapin(k).ifPresent(why -> findings.add(new Finding("ssh-terrapin", ID, why)));
        return findings;
    }
}
