package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import dev.vantage.probe.builtin.TextBanners.Match;
import dev.vantage.probe.builtin.TextBanners.Rule;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IMAP greets first with an untagged {@code * OK} (or {@code * PREAUTH}, {@code * BYE}), often
 * with its capabilities: {@code * OK [CAPABILITY IMAP4rev1 ... STARTTLS LOGINDISABLED] Dovecot
 * (Debian) ready.} Product names follow nmap ({@code Dovecot imapd}, {@code Cyrus imapd}, ...).
 */
public final class ImapProbe implements ServiceProbe {
    private static final int MAX_TEXT = 4096;
    private static final Pattern GREETING = Pattern.compile("^\\* (OK|PREAUTH|BYE)(?:[ \\t][^\\r\\n]*)?(?:\\r?\\n|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPABILITY = Pattern.compile("^\\* OK \\[CAPABILITY ([^\\]\\r\\n]{1,2000})]", Pattern.CASE_INSENSITIVE);

    static final List<Rule> PRODUCTS = List.of(
            Rule.of("^\\* OK [Dd]ovecot MUA ready", "Dovecot MUA imapd"),
            Rule.of("^\\* OK Dovecot DA ready", "Dovecot DirectAdmin imapd"),
            Rule.of("^\\* OK[^\\r\\n]*\\b[Dd]ovecot\\b", "Dovecot imapd"),
            Rule.of("^\\* OK \\[CAPABILITY IMAP4rev1 (?:SASL-IR )?SORT THREAD=REFERENCES MULTIAPPEND UNSELECT LITERAL\\+ IDLE CHILDREN NAMESPACE LOGIN-REFERRALS",
                    "Dovecot imapd"),
            Rule.of("^\\* OK[^\\r\\n]*Courier-IMAP ready", "Courier Imapd"),
            Rule.of("^\\* OK (?:\\[CAPABILITY IMAP4[^\\]\\r\\n]*\\] )?([-.\\w]++) Cyrus IMAP4? (?:Murder )?v(\\d[\\w.+]*)", "Cyrus imapd", 2, 1),
            Rule.of("^\\* OK \\[CAPABILITY IMAP4rev1 [^\\]\\r\\n]*\\] ([-.\\w]++) Cyrus IMAP (\\d[\\w.]*)", "Cyrus imapd", 2, 1),
            Rule.of("^\\* OK \\[CAPABILITY [^\\]\\r\\n]*\\] ?([-.\\w]++) IMAP4rev1 (20[\\w.]+) at ", "UW imapd", 2, 1),
            Rule.of("^\\* OK Microsoft Exchange (?:Server 2003 )?IMAP4rev1 server version ([-.\\w]++) ", "Microsoft Exchange imapd", 1, 0));

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("imap", "imap", Set.of(143, 993), false);
    }

    @Override
    public Optional<Service> fromGreeting(byte[] greeting) {
        return parse(greeting);
    }

    /** Recognises an IMAP greeting; public for the fuzz and corpus tests. Never throws. */
    public static Optional<Service> parse(byte[] greeting) {
        try {
            String text = new String(greeting, 0, Math.min(greeting.length, MAX_TEXT), StandardCharsets.ISO_8859_1);
            Matcher g = GREETING.matcher(text);
            if (!g.find()) return Optional.empty();
            String first = g.group().strip();
            Optional<Match> product = TextBanners.first(PRODUCTS, text);
            Service s = Service.of("imap", product.map(Match::product).orElse(null), product.map(Match::version).orElse(null),
                    Connection.excerpt(first.getBytes(StandardCharsets.ISO_8859_1), 160));
            String caps = capabilities(first);
            if (caps != null) s = s.withDetail("capabilities", caps);
            String host = product.map(Match::host).orElse(null);
            if (host != null) s = s.withDetail("hostname", host);
            if (!g.group(1).equalsIgnoreCase("OK")) s = s.withDetail("state", g.group(1).toUpperCase(java.util.Locale.ROOT));
            return Optional.of(s);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The capability list a greeting carries in its response code, or null. */
    public static @Nullable String capabilities(String greetingLine) {
        Matcher m = CAPABILITY.matcher(greetingLine);
        return m.find() ? m.group(1).strip() : null;
    }
}
