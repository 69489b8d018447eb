package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.TelnetNegotiation;
import dev.vantage.probe.builtin.TelnetProbe;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * TELNET is clear text by design: whenever it answers, whatever is typed there (the password
 * first) crosses the network readable. To show the owner what an outsider sees, the check plays a
 * client that refuses every option (WONT/DONT) for a few rounds and quotes the login prompt, or
 * the negotiation if no prompt comes. A port that accepts and closes without a byte (inetd or
 * tcpwrappers refusing us) is not reported.
 */
public final class TelnetCleartextCheck implements Check {
    public static final String ID = "telnet-cleartext";
    public static final String CLEARTEXT = "telnet-cleartext-login";
    static final int MAX_ROUNDS = 5;
    static final int MAX_BYTES = 8192;

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("telnet"), 2, false, Set.of(CLEARTEXT));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        if (ctx.service().tls()) return List.of();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Connection c = ctx.connectPlain()) {
            for (int round = 0; round < MAX_ROUNDS && all.size() < MAX_BYTES; round++) {
                byte[] got = c.readAvailable(MAX_BYTES - all.size(), Duration.ofSeconds(round == 0 ? 3 : 2));
                if (got.length == 0) break;
                all.write(got);
                byte[] refusals = TelnetNegotiation.refuseAll(TelnetNegotiation.parse(got).commands());
                if (refusals.length > 0) c.write(refusals);
                if (prompt(all.toByteArray()) != null) break;
            }
        } catch (IOException e) {
            if (all.size() == 0) throw e;          // what we already have is evidence enough
        }
        Finding f = judge(all.toByteArray());
        return f == null ? List.of() : List.of(f);
    }

    /** The finding for what the server sent, null if it sent nothing. Pure, for tests. */
    static @Nullable Finding judge(byte[] received) {
        if (received.length == 0) return null;
        TelnetNegotiation.Parsed p = TelnetNegotiation.parse(received);
        String prompt = prompt(received);
        String negotiation = p.commands().isEmpty() ? "" : " after option negotiation (" + p.describe(8) + ")";
        if (prompt != null) {
            return new Finding(CLEARTEXT, ID, "TELNET login prompt \"" + printable(prompt, 120) + "\"" + negotiation);
        }
        if (!p.commands().isEmpty()) {
            return new Finding(CLEARTEXT, ID, "TELNET answered with option negotiation (" + p.describe(8) + ")"
                    + (p.text().length > 0 ? " and \"" + Connection.excerpt(p.text(), 120) + "\"" : ""));
        }
        return new Finding(CLEARTEXT, ID, "TELNET answered \"" + Connection.excerpt(p.text(), 120) + "\"");
    }

    private static @Nullable String prompt(byte[] received) {
        return TelnetProbe.loginPrompt(new String(TelnetNegotiation.parse(received).text(), StandardCharsets.ISO_8859_1));
    }

    private static String printable(String s, int max) {
        return Connection.excerpt(s.getBytes(StandardCharsets.ISO_8859_1), max);
    }
}
