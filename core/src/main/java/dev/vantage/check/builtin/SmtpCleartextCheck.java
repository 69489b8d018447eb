package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.TextReplies.Reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Mail in clear text: an SMTP port that does not offer STARTTLS, and one that offers password
 * logins (AUTH PLAIN or LOGIN) before the conversation is encrypted. Judged from the EHLO reply on
 * a plain connection, which is exactly what a client on the path sees; a port that speaks TLS from
 * the start (465) has nothing to report here.
 */
public final class SmtpCleartextCheck implements Check {
    public static final String ID = "smtp-cleartext";
    public static final String NO_STARTTLS = "smtp-no-starttls";
    public static final String AUTH_CLEARTEXT = "smtp-auth-cleartext";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("smtp", "submission"), 2, false, Set.of(NO_STARTTLS, AUTH_CLEARTEXT));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        if (ctx.service().tls()) return List.of();
        try (SmtpSession s = SmtpSession.start(ctx.connectPlain())) {
            if (!s.greeting().isPositive()) throw new IOException("the server refused the session: " + s.greeting().evidence(120));
            Reply hello = s.hello();
            s.quit();
            return judge(hello, s.extensions());
        }
    }

    /** The findings for an EHLO (or HELO) reply and the extensions it listed. Pure, for tests. */
    static List<Finding> judge(Reply hello, Map<String, String> extensions) {
        List<Finding> findings = new ArrayList<>();
        if (!extensions.containsKey("STARTTLS")) {
            String why = extensions.isEmpty()
                    ? "the server does not speak ESMTP, so it cannot offer STARTTLS: \"" + hello.evidence(160) + "\""
                    : "EHLO lists no STARTTLS: " + list(extensions);
            findings.add(new Finding(NO_STARTTLS, ID, why));
        }
        String auth = extensions.getOrDefault("AUTH", "");
        List<String> clear = new ArrayList<>();
        for (String mech : auth.toUpperCase(Locale.ROOT).split("\\s+")) {
            if ((mech.equals("PLAIN") || mech.equals("LOGIN")) && !clear.contains(mech)) clear.add(mech);
        }
        if (!clear.isEmpty()) {
            findings.add(new Finding(AUTH_CLEARTEXT, ID, "EHLO on the unencrypted connection offers AUTH " + printable(auth.strip(), 120)
                    + " (" + String.join(" and ", clear) + " send the password in clear)"));
        }
        return findings;
    }

    private static String list(Map<String, String> extensions) {
        StringJoiner j = new StringJoiner(", ");
        extensions.forEach((k, v) -> j.add(v.isEmpty() ? k : k + " " + v));
        return printable(j.toString(), 300);
    }

    private static String printable(String text, int max) {
        return Connection.excerpt(text.getBytes(StandardCharsets.ISO_8859_1), max);
    }
}
