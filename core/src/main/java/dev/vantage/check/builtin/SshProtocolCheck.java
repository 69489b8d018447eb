package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.ssh.SshClient;
import dev.vantage.probe.ssh.SshIdent;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * SSH protocol 1: the identification line says {@code SSH-1.99-} (both versions) or
 * {@code SSH-1.x-} (version 1 only). Reads the line again rather than trusting what
 * identification kept, so the evidence is first-hand.
 */
public final class SshProtocolCheck implements Check {
    static final String ID = "ssh-protocol";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ssh"), 2, false, Set.of("ssh-protocol-1"));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        try (Connection c = context.connect()) {
            return judge(SshClient.identify(c));
        }
    }

    public static List<Finding> judge(SshIdent ident) {
        if (!ident.speaksProtocol1()) return List.of();
        String what = ident.protocol().equals("1.99") ? "SSH-1 as well as SSH-2" : "SSH-1 only";
        return List.of(new Finding("ssh-protocol-1", ID, "announces protocol " + ident.protocol() + " (" + what + "): " + ident.line()));
    }
}
