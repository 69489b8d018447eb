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
 * TELNET speaks first: option negotiation ({@code IAC DO TERMINAL-TYPE} ...) and, from some devices,
 * a login prompt straight away. The exact opening sequence tells some daemons apart, as nmap's
 * table does ({@code Linux telnetd} for netkit, {@code BusyBox telnetd}); GNU inetutils' telnetd
 * has no entry there, so it stays without a product as in nmap.
 */
public final class TelnetProbe implements ServiceProbe {
    private static final int MAX_TEXT = 4096;
    /** A prompt at the end of what the server sent, e.g. {@code mail login: } or {@code Username:}. */
    private static final Pattern PROMPT = Pattern.compile("(?i)(?:^|\\n)[ \\t]*(?:([\\w.-]{1,100}) )?(login|username|user name|user)[ \\t]*:[ \\t]*$");

    static final List<Rule> PRODUCTS = List.of(
            Rule.of("^\u00ff\u00fd\u0018\u00ff\u00fd \u00ff\u00fd#\u00ff\u00fd'\u00ff\u00fd\\$$", "Openwall GNU/*/Linux telnetd"),
            Rule.of("\u00ff\u00fd\u0018\u00ff\u00fd \u00ff\u00fd#\u00ff\u00fd'$", "Linux telnetd"),
            Rule.of("(?s)^\u00ff\u00fd\u0001\u00ff\u00fd(?:\u001f\u00ff\u00fd)?!\u00ff\u00fb\u0001\u00ff\u00fb\u0003.*?BusyBox v([-\\w.]+)", "BusyBox telnetd", 1, 0),
            Rule.of("^\u00ff\u00fd\u0001\u00ff\u00fd\u001f(?:\u00ff\u00fd!)?\u00ff\u00fb\u0001\u00ff\u00fb\u0003[\\r\\n]*(?:([\\w.-]+) )?login: ", "BusyBox telnetd", 0, 1));

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("telnet", "telnet", Set.of(23, 2323), false);
    }

    @Override
    public Optional<Service> fromGreeting(byte[] greeting) {
        return parse(greeting);
    }

    /** Recognises a TELNET server's opening; public for the fuzz and corpus tests. Never throws. */
    public static Optional<Service> parse(byte[] greeting) {
        try {
            byte[] head = greeting.length > MAX_TEXT ? java.util.Arrays.copyOf(greeting, MAX_TEXT) : greeting;
            TelnetNegotiation.Parsed parsed = TelnetNegotiation.parse(head);
            String text = new String(parsed.text(), StandardCharsets.ISO_8859_1);
            Matcher prompt = PROMPT.matcher(text);
            boolean hasPrompt = prompt.find();
            if (!TelnetNegotiation.startsWithNegotiation(head) && !hasPrompt) return Optional.empty();
            Optional<Match> product = TextBanners.first(PRODUCTS, new String(head, StandardCharsets.ISO_8859_1));
            Service s = Service.of("telnet", product.map(Match::product).orElse(null), product.map(Match::version).orElse(null),
                    Connection.excerpt(head, 160));
            if (!parsed.commands().isEmpty()) s = s.withDetail("negotiation", parsed.describe(12));
            String host = product.map(Match::host).orElse(null);
            if (host == null && hasPrompt) host = prompt.group(1);
            if (host != null) s = s.withDetail("hostname", host);
            return Optional.of(s);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The login prompt at the end of TELNET text ({@code mail login:}), or null. */
    public static @Nullable String loginPrompt(String text) {
        Matcher m = PROMPT.matcher(text);
        return m.find() ? m.group().strip() : null;
    }
}
