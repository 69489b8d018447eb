package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.ssh.SshClient;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * Which login methods the server offers: after a key exchange we ask to log in as a made-up user
 * with the "none" method, which every server refuses with the list of methods that could
 * continue. {@code password} or {@code keyboard-interactive} there means passwords are accepted
 * (keyboard-interactive may also be a one-time-code prompt; from outside the two look the same).
 * No password is ever sent, and the made-up name cannot lock out a real account.
 */
public final class SshAuthMethodsCheck implements Check {
    static final String ID = "ssh-auth-methods";
    static final String FINDING = "ssh-password-auth";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ssh"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        try (Connection c = context.connect()) {
            SshClient ssh = SshClient.start(c);
            ssh.keyExchange(List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                    "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa", "ssh-dss"));
            String user = "vantage-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
            return judge(ssh.authMethods(user));
        }
    }

    public static List<Finding> judge(SshClient.AuthMethods auth) {
        if (auth.noneAccepted()) {
            return List.of(new Finding(FINDING, ID, "a made-up user was let in without any password or key (\"none\" authentication succeeded)"));
        }
        List<String> passwordLike = auth.methods().stream().filter(m -> m.equals("password") || m.equals("keyboard-interactive")).toList();
        if (passwordLike.isEmpty()) return List.of();
        return List.of(new Finding(FINDING, ID, "offers " + String.join(" and ", passwordLike) + " logins (methods: "
                + String.join(",", auth.methods()) + ")"));
    }
}
