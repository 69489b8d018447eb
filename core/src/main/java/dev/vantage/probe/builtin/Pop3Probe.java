package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import dev.vantage.probe.builtin.TextBanners.Match;
import dev.vantage.probe.builtin.TextBanners.Rule;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POP3 greets first with {@code +OK} (RFC 1939): {@code +OK Dovecot (Debian) ready.} Product names
 * follow nmap ({@code Dovecot pop3d}, {@code Courier pop3d}, {@code Cyrus pop3d}, ...). An APOP
 * timestamp ({@code <1896.697170952@dbc.mtview.ca.us>}) names the host.
 */
public final class Pop3Probe implements ServiceProbe {
    private static final int MAX_TEXT = 4096;
    private static final Pattern GREETING = Pattern.compile("^\\+OK(?:[ \\t][^\\r\\n]*)?(?:\\r?\\n|$)");
    private static final Pattern APOP = Pattern.compile("<[^<>@\\s]{1,100}@([A-Za-z0-9][-A-Za-z0-9.]{0,252})>");

    static final List<Rule> PRODUCTS = List.of(
            Rule.of("^\\+OK [Dd]ovecot MUA ready", "Dovecot MUA pop3d"),
            Rule.of("^\\+OK[^\\r\\n]*\\b[Dd]ovecot\\b", "Dovecot pop3d"),
            Rule.of("^\\+OK Hello there\\.", "Courier pop3d"),
            Rule.of("^\\+OK ([-.\\w]++) Cyrus POP3 (?:Murder )?v(\\d[\\w.+]*)", "Cyrus pop3d", 2, 1),
            Rule.of("^\\+OK Microsoft Exchange (?:Server 2003 )?POP3 server version (\\S++) ready", "Microsoft Exchange pop3d", 1, 0),
            Rule.of("^\\+OK QPOP \\(version ([^)\\r\\n]++)\\) at", "Qpop pop3d", 1, 0),
            Rule.of("^\\+OK Qpopper [^\\r\\n]*?\\(version ([^)\\r\\n]++)\\) at", "Qpopper pop3d", 1, 0),
            Rule.of("^\\+OK (?:\\[[^\\]\\r\\n]*\\] )?POP3 ([-.\\w]++) v(20\\d\\d[\\w.]*) server ready", "UW Imap pop3d", 2, 1));

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("pop3", "pop3", Set.of(110, 995), false);
    }

    @Override
    public Optional<Service> fromGreeting(byte[] greeting) {
        return parse(greeting);
    }

    /** Recognises a POP3 greeting; public for the fuzz and corpus tests. Never throws. */
    public static Optional<Service> parse(byte[] greeting) {
        try {
            String text = new String(greeting, 0, Math.min(greeting.length, MAX_TEXT), StandardCharsets.ISO_8859_1);
            Matcher g = GREETING.matcher(text);
            if (!g.find()) return Optional.empty();
            String first = g.group().strip();
            Optional<Match> product = TextBanners.first(PRODUCTS, text);
            Service s = Service.of("pop3", product.map(Match::product).orElse(null), product.map(Match::version).orElse(null),
                    Connection.excerpt(first.getBytes(StandardCharsets.ISO_8859_1), 160));
            String host = product.map(Match::host).orElse(null);
            Matcher apop = APOP.matcher(first);
            if (apop.find()) {
                s = s.withDetail("apop", "yes");
                if (host == null) host = apop.group(1);
            }
            if (host != null) s = s.withDetail("hostname", host);
            return Optional.of(s);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
