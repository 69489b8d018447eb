package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.builtin.TextReplies.Reply;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Open relay: does the server take mail from an outsider for an outside domain? For each classic
 * trick (a null or forged sender, percent hack, quoted and double-@ addresses, source routes, bang
 * paths, an address literal) it runs RSET, MAIL FROM, RCPT TO and looks at the RCPT reply. It
 * <b>never sends DATA</b>: a 250 to RCPT is the whole proof, and no message is ever created.
 * Recipients live under the owner's test domain ({@link dev.vantage.check.CheckSettings#relayDomain()}),
 * so no real mailbox is ever addressed.
 *
 * <p>A server that accepts every recipient and sorts them out later would look like a relay, so
 * before judging we ask for a made-up local recipient of the server's own domain: accepted too
 * means {@code smtp-relay-uncertain}, refused means {@code smtp-open-relay}.
 *
 * <p>At most {@value #TRICKS_PER_SESSION} refused tricks share one connection: servers slow down
 * clients that collect refusals (Postfix answers every command a second late once a client has
 * made {@code smtpd_soft_error_limit} = 10 errors, which turned this check into 7 s of waiting), so
 * a fresh connection after a few keeps every reply prompt.
 *
 * <p>Bounded: at most {@value #MAX_TRICKS} transactions plus the control, on at most
 * {@value #MAX_TRICKS} / {@value #TRICKS_PER_SESSION} planned connections plus {@value #MAX_HANGUPS}
 * more when the server hangs up on us, within the check budget.
 */
public final class SmtpRelayCheck implements Check {
    public static final String ID = "smtp-relay";
    public static final String OPEN_RELAY = "smtp-open-relay";
    public static final String UNCERTAIN = "smtp-relay-uncertain";
    static final int MAX_TRICKS = 12;
    /** Refused tricks per connection: well under the error count at which servers start to tarpit. */
    static final int TRICKS_PER_SESSION = 4;
    /** Fresh connections after the server ended the conversation on its own. */
    static final int MAX_HANGUPS = 2;
    static final String RECIPIENT = "vantage-relay-test";
    static final String SENDER = "vantage-check";
    /** An address literal in TEST-NET-1 (RFC 5737): never a real host, so a relay there proves relaying. */
    static final String TEST_NET = "[192.0.2.1]";
    private static final Pattern DOMAIN = Pattern.compile(
            "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One relay attempt: what we claim to be sending from and to. */
    record Trick(String name, String sender, String recipient) {}

    /** What the server said to one trick; {@code rcpt} is null when MAIL was already refused. */
    record Attempt(Trick trick, Reply mail, @Nullable Reply rcpt) {
        boolean accepted() {
            return rcpt != null && (rcpt.code() == 250 || rcpt.code() == 251);
        }

        boolean closing() {
            return mail.code() == 421 || (rcpt != null && rcpt.code() == 421);
        }

        String evidence() {
            String said = rcpt != null ? rcpt.evidence(160) : mail.evidence(160);
            return "MAIL FROM:<" + trick.sender() + "> RCPT TO:<" + trick.recipient() + "> (" + trick.name() + ") answered \"" + said + "\"";
        }
    }

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("smtp", "submission"), 1, false, Set.of(OPEN_RELAY, UNCERTAIN));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        String relayDomain = ctx.settings().relayDomain().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(relayDomain).matches()) {
            throw new IOException("the relay test domain \"" + relayDomain + "\" is not a plain domain name");
        }
        long deadline = System.nanoTime() + ctx.settings().budget().toNanos();
        String literal = addressLiteral(ctx);
        SmtpSession s = open(ctx);
        int sessions = 1;
        int hangups = 0;
        int refusedHere = 0;
        try {
            List<Trick> tricks = tricks(relayDomain, s.serverName(), literal);
            Attempt accepted = null;
            for (int i = 0; i < tricks.size(); i++) {
                if (System.nanoTime() > deadline) throw new IOException("time budget used up after " + sessions + " connection(s)");
                Attempt a;
                try {
                    a = attempt(s, tricks.get(i));
                } catch (IOException e) {
                    a = null;
                }
                if (a != null && a.accepted()) {
                    accepted = a;
                    break;
                }
                refusedHere++;
                boolean more = i + 1 < tricks.size();
                boolean hungUp = a == null || a.closing();
                if (hungUp || (more && refusedHere >= TRICKS_PER_SESSION)) {
                    if (!hungUp) s.quit();                       // a polite end before the server starts to tarpit
                    s.close();
                    if (!more) break;
                    if (hungUp && ++hangups > MAX_HANGUPS) throw new IOException("the server kept ending the conversation");
                    s = open(ctx);
                    sessions++;
                    refusedHere = 0;
                }
            }
            if (accepted == null) {
                s.quit();
                return List.of();
            }
            return List.of(judge(s, accepted, localDomain(s.serverName(), literal)));
        } finally {
            s.close();
        }
    }

    /** Asks for a made-up local recipient with the sender that worked: is the relay's yes meaningful? */
    private static Finding judge(SmtpSession s, Attempt accepted, String localDomain) {
        String nobody = "vantage-nouser-" + HexFormat.of().formatHex(randomBytes(5)) + "@" + localDomain;
        Attempt control;
        try {
            control = attempt(s, new Trick("control", accepted.trick().sender(), nobody));
            s.quit();
        } catch (IOException e) {
            return new Finding(UNCERTAIN, ID, accepted.evidence()
                    + "; the server ended the conversation before a made-up local recipient could be tried (" + e.getMessage() + ")");
        }
        Reply said = control.rcpt() != null ? control.rcpt() : control.mail();
        if (control.rcpt() != null && control.rcpt().isPermanentFailure()) {
            return new Finding(OPEN_RELAY, ID, accepted.evidence()
                    + "; a made-up local recipient <" + nobody + "> was refused (\"" + said.evidence(160) + "\"), so the yes is real");
        }
        return new Finding(UNCERTAIN, ID, accepted.evidence()
                + "; but a made-up local recipient <" + nobody + "> got \"" + said.evidence(120) + "\" too");
    }

    /** RSET, MAIL FROM, RCPT TO; STARTTLS first if the server insists on it (530 to MAIL). */
    static Attempt attempt(SmtpSession s, Trick trick) throws IOException {
        Reply rset = s.command("RSET");
        if (rset.code() == 421) return new Attempt(trick, rset, null);
        Reply mail = s.command("MAIL FROM:<" + trick.sender() + ">");
        if (mail.code() == 530 && !s.isTls() && s.offers("STARTTLS") && s.startTls()) {
            s.hello();
            mail = s.command("MAIL FROM:<" + trick.sender() + ">");
        }
        if (!mail.isPositive()) return new Attempt(trick, mail, null);
        return new Attempt(trick, mail, s.command("RCPT TO:<" + trick.recipient() + ">"));
    }

    /**
     * The relay tricks, most common first, at most {@value #MAX_TRICKS}.
     *
     * @param relay      the owner's test domain
     * @param serverName the server's own name from its greeting or EHLO, if it gave a plausible one
     * @param literal    the server's address literal, {@code [198.51.100.7]}
     */
    static List<Trick> tricks(String relay, @Nullable String serverName, String literal) {
        String to = RECIPIENT + "@" + relay;
        String localSender = SENDER + "@" + (serverName != null ? serverName : literal);
        List<Trick> t = new ArrayList<>();
        t.add(new Trick("null sender", "", to));
        t.add(new Trick("sender in the relay domain", SENDER + "@" + relay, to));
        if (serverName != null) t.add(new Trick("sender at the server's own name", SENDER + "@" + serverName, to));
        t.add(new Trick("sender at the server's address", SENDER + "@" + literal, to));
        t.add(new Trick("percent hack", localSender, RECIPIENT + "%" + relay + "@" + literal));
        if (serverName != null) t.add(new Trick("percent hack at the server's name", localSender, RECIPIENT + "%" + relay + "@" + serverName));
        t.add(new Trick("quoted recipient", localSender, "\"" + to + "\""));
        t.add(new Trick("quoted recipient at the server", localSender, "\"" + to + "\"@" + literal));
        t.add(new Trick("double @", localSender, to + "@" + literal));
        t.add(new Trick("source route", localSender, "@" + literal + ":" + to));
        t.add(new Trick("bang path", localSender, relay + "!" + RECIPIENT));
        t.add(new Trick("address literal in TEST-NET", localSender, RECIPIENT + "@" + TEST_NET));
        t.add(new Trick("bang path at the server", localSender, relay + "!" + RECIPIENT + "@" + literal));
        return List.copyOf(t.subList(0, Math.min(MAX_TRICKS, t.size())));
    }

    private static SmtpSession open(CheckContext ctx) throws IOException {
        SmtpSession s = SmtpSession.start(ctx.connect());
        try {
            if (!s.greeting().isPositive()) {
                throw new IOException("the server refused the session: " + s.greeting().evidence(120));
            }
            Reply hello = s.hello();
            if (!hello.isPositive()) throw new IOException("the server refused EHLO and HELO: " + hello.evidence(120));
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    static String addressLiteral(CheckContext ctx) {
        return ctx.target().isIpv6() ? "[IPv6:" + ctx.target().addressText() + "]" : "[" + ctx.target().addressText() + "]";
    }

    private static String localDomain(@Nullable String serverName, String literal) {
        return serverName != null ? serverName : literal;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
