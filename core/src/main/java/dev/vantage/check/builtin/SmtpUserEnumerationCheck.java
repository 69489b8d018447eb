package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.builtin.TextReplies.Reply;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * VRFY and EXPN: do they tell an outsider which users exist? We ask about {@code postmaster}
 * (which RFC 5321 requires every mail domain to have) and about a made-up name. Only a server that
 * answers the two differently reveals anything: many say "252 Cannot VRFY user" to every name,
 * which is harmless and not reported.
 */
public final class SmtpUserEnumerationCheck implements Check {
    public static final String ID = "smtp-user-enumeration";
    public static final String VRFY = "smtp-vrfy-enabled";
    public static final String EXPN = "smtp-expn-enabled";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("smtp", "submission"), 2, false, Set.of(VRFY, EXPN));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        String nobody = "vantage-nouser-" + HexFormat.of().formatHex(randomBytes());
        try (SmtpSession s = SmtpSession.start(ctx.connect())) {
            if (!s.greeting().isPositive()) throw new IOException("the server refused the session: " + s.greeting().evidence(120));
            s.hello();
            List<Finding> findings = new ArrayList<>();
            probe(s, "VRFY", nobody, VRFY, findings);
            probe(s, "EXPN", nobody, EXPN, findings);
            s.quit();
            return findings;
        }
    }

    private static void probe(SmtpSession s, String verb, String nobody, String findingId, List<Finding> findings) throws IOException {
        Reply known = s.command(verb + " postmaster");
        if (!answersForUser(verb, known)) return;
        Reply unknown = s.command(verb + " " + nobody);
        if (unknown.isPositive()) return;       // yes to everything: no names to learn
        findings.add(new Finding(findingId, ID, verb + " postmaster answered \"" + known.evidence(160) + "\", "
                + verb + " " + nobody + " answered \"" + unknown.evidence(120) + "\""));
    }

    /** 250/251 (and 252 for VRFY, Postfix's "252 2.0.0 postmaster") with something after the code. */
    static boolean answersForUser(String verb, Reply r) {
        boolean code = r.code() == 250 || r.code() == 251 || (verb.equals("VRFY") && r.code() == 252);
        return code && !r.texts().get(0).isBlank();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return b;
    }
}
