package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import dev.vantage.probe.builtin.TextBanners.Match;
import dev.vantage.probe.builtin.TextBanners.Rule;
import dev.vantage.probe.builtin.TextReplies.Reply;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SMTP greets first: {@code 220 mail.example.org ESMTP Postfix (Debian/GNU)}. The product table
 * follows nmap's names ({@code Postfix smtpd}, {@code Exim smtpd}, {@code Sendmail}, ...); the first
 * word after the code is the server's own name, which the relay check needs.
 *
 * <p>The same parser serves two service names: {@code smtp} (port 25, 465 inside TLS, and any
 * other port) and {@code submission} (port 587). Two instances with different likely ports make the
 * {@link dev.vantage.probe.ServiceIdentifier}, which tries port-likely probes first, name the
 * service by its port without the greeting parser knowing the port.
 *
 * <p>A bare {@code 220} greeting that names neither SMTP nor FTP is claimed as well: whichever of
 * the SMTP and FTP probes is likely on the port is asked first, so port 21 calls it FTP and port 25
 * SMTP. A greeting that mentions FTP is left to the FTP probe, and a bare {@code 220} line that
 * never ends is left unknown.
 */
public final class SmtpProbe implements ServiceProbe {
    private static final int MAX_TEXT = 4096;
    /** Words that only an SMTP (or LMTP) greeting contains. */
    private static final Pattern SMTP_HINT = Pattern.compile(
            "(?i)(?<![\\w-])(E?SMTPD?|LMTP|Postfix|Exim|Sendmail|qmail|MDaemon|mail ?server|mail service|MTA)(?![\\w-])");
    /** A plausible host name with a dot, or an address literal: the first word of most greetings. */
    private static final Pattern HOST = Pattern.compile("^(?:\\[[0-9A-Fa-f:.IPv]{2,60}]|[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\\.[A-Za-z0-9-]{1,63}){1,10}\\.?)$");

    static final List<Rule> PRODUCTS = List.of(
            Rule.of("(?m)^220[ -](\\S++) E?SMTP Postfix \\((\\d[\\w.-]*)\\)", "Postfix smtpd", 2, 1),
            Rule.of("(?m)^220[ -](\\S++) ESMTP Postfix", "Postfix smtpd", 0, 1),
            Rule.of("(?m)^220[ -](\\S++) [^\\r\\n]*\\bE?SMTP Postfix\\b", "Postfix smtpd", 0, 1),
            Rule.of("^220 [-\\w]+ ESMTP [-\\w.]+ \\(Debian/GNU\\)", "Postfix smtpd"),
            Rule.of("^220 smtp-sink ESMTP", "Postfix smtp-sink"),
            Rule.of("(?m)^220[ -](\\S++)[^\\r\\n]*? ESMTP Exim (V?\\d[^\\s]*)", "Exim smtpd", 2, 1),
            Rule.of("(?m)^220[ -](\\S++)[^\\r\\n]*? ESMTP Exim\\b", "Exim smtpd", 0, 1),
            Rule.of("(?m)^220[ -](\\S++) E?SMTP Sendmail (\\d[^;\\s]*)", "Sendmail", 2, 1),
            Rule.of("(?m)^220[ -](\\S++) E?SMTP Sendmail\\b", "Sendmail", 0, 1),
            Rule.of("(?m)^220[ -](\\S++) Sendmail (\\S++) ready at", "Sendmail", 2, 1),
            Rule.of("^220 \\[?([-.+\\w]++)]? Microsoft ESMTP MAIL Service, Version: ([-\\w.]++) ready", "Microsoft ESMTP", 2, 1),
            Rule.of("^220 ([-\\w.]++) Microsoft ESMTP MAIL Service ready at", "Microsoft Exchange smtpd", 0, 1),
            Rule.of("^220 ([\\w.-]++) Microsoft ESMTP MAIL Service Version: ([\\w.-]++)", "Microsoft Exchange 2010 smtpd", 2, 1),
            Rule.of("^220 Microsoft ESMTP MAIL Service, Version: ([\\w.-]++)", "Microsoft Exchange smtpd", 1, 0),
            Rule.of("^220 ([\\w.-]++) ESMTP OpenSMTPD", "OpenSMTPD", 0, 1),
            Rule.of("^220 ([-\\w.]++) ESMTP MDaemon ([\\d.]++) ready", "MDaemon smtpd", 2, 1),
            Rule.of("^220 ([-.\\w]++) Kerio MailServer (\\d[-.\\w]+(?: patch \\d+)?) ESMTP ready", "Kerio MailServer", 2, 1),
            Rule.of("^220 \\(SMTP\\) hMailServer ([\\d.]++)", "hMailServer smtpd", 1, 0),
            Rule.of("^220 ([-.\\w]++) ESMTP Service \\(Lotus Domino (?:Release )?(\\d[-.\\w ]*?)\\) ready", "Lotus Domino smtpd", 2, 1),
            Rule.of("^220 ([-.+\\w]++) MasqMail (\\d[-.\\w]+) ESMTP", "MasqMail smtpd", 2, 1));

    private final String service;
    private final Set<Integer> likelyPorts;

    /** The {@code smtp} probe: port 25, 465 (inside TLS), 2525. */
    public SmtpProbe() {
        this("smtp", Set.of(25, 465, 2525));
    }

    private SmtpProbe(String service, Set<Integer> likelyPorts) {
        this.service = service;
        this.likelyPorts = likelyPorts;
    }

    /** The same probe naming what it finds {@code submission}, tried first on port 587. */
    public static SmtpProbe submission() {
        return new SmtpProbe("submission", Set.of(587));
    }

    @Override
    public ProbeInfo info() {
        return new ProbeInfo(service, service, likelyPorts, false);
    }

    @Override
    public Optional<Service> fromGreeting(byte[] greeting) {
        return parse(greeting).map(s -> service.equals("smtp") ? s : rename(s, service));
    }

    /** Recognises an SMTP greeting as service {@code smtp}; public for the fuzz and corpus tests. Never throws. */
    public static Optional<Service> parse(byte[] greeting) {
        try {
            String text = new String(greeting, 0, Math.min(greeting.length, MAX_TEXT), StandardCharsets.ISO_8859_1);
            Optional<Reply> reply = TextReplies.parse(text, true);
            if (reply.isEmpty()) return Optional.empty();
            Reply r = reply.get();
            Optional<Match> product = TextBanners.first(PRODUCTS, text);
            boolean smtpWords = product.isPresent() || looksLikeSmtp(text);
            if (r.code() == 220) {
                if (!smtpWords && (FtpProbe.looksLikeFtp(text) || TextBanners.first(FtpProbe.PRODUCTS, text).isPresent())) {
                    return Optional.empty();
                }
                // A bare "220" that never ends its line (a tar pit, a 10 MB line) is not evidence of SMTP.
                if (!smtpWords && text.indexOf('\n') < 0) return Optional.empty();
            } else if (!(r.code() == 421 || r.code() == 554) || !smtpWords) {
                return Optional.empty();    // a refusal greeting counts only when it says it is SMTP
            }
            String banner = Connection.excerpt(r.firstLine().getBytes(StandardCharsets.ISO_8859_1), 160);
            Service s = Service.of("smtp", product.map(Match::product).orElse(null),
                    product.map(Match::version).orElse(null), banner);
            String host = product.map(Match::host).orElse(null);
            if (host == null) host = firstWord(r);
            if (host != null && HOST.matcher(host).matches()) s = s.withDetail("hostname", host);
            if (r.code() != 220) s = s.withDetail("refused", Integer.toString(r.code()));
            return Optional.of(s);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a greeting names SMTP or a mail server. */
    public static boolean looksLikeSmtp(String text) {
        return SMTP_HINT.matcher(text).find();
    }

    /** The server's name as its greeting or EHLO reply states it, when it is a plausible host name. */
    public static @Nullable String hostName(Reply reply) {
        String w = firstWord(reply);
        return w != null && HOST.matcher(w).matches() ? w : null;
    }

    private static @Nullable String firstWord(Reply r) {
        List<String> texts = r.texts();
        if (texts.isEmpty()) return null;
        String first = texts.get(0).strip();
        int sp = first.indexOf(' ');
        String w = sp < 0 ? first : first.substring(0, sp);
        return w.isEmpty() || w.length() > 255 ? null : w;
    }

    private static Service rename(Service s, String name) {
        return new Service(name, s.product(), s.version(), s.tls(), s.banner(), s.details());
    }
}
