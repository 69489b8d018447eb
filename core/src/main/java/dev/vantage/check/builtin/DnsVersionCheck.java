package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.builtin.DnsProbe;
import dev.vantage.probe.dns.DnsExchange;
import dev.vantage.probe.dns.DnsMessage;
import dev.vantage.probe.dns.DnsTcp;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Asks {@code version.bind} and {@code version.server} (CHAOS TXT). A TXT answer that carries a
 * version number or names DNS software is a disclosure; an answer the owner chose on purpose
 * ("none", "go away") is not.
 */
public final class DnsVersionCheck implements Check {
    public static final String FINDING = "dns-version-disclosure";
    private static final List<String> NAMES = List.of(DnsProbe.VERSION_BIND, "version.server");
    private static final Pattern VERSION_NUMBER = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern SOFTWARE = Pattern.compile("bind|unbound|dnsmasq|powerdns|nsd|knot|microsoft dns|pdns|coredns|technitium");

    @Override
    public CheckInfo info() {
        return new CheckInfo("dns-version", Set.of("dns"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        return check(DnsTransport.of(context));
    }

    public static List<Finding> check(DnsExchange dns) throws IOException {
        for (String name : NAMES) {
            DnsMessage reply = dns.exchange(DnsMessage.query(DnsTcp.newId(), name, DnsMessage.TYPE_TXT, DnsMessage.CLASS_CH, false));
            Optional<String> text = DnsProbe.versionText(reply).filter(DnsVersionCheck::disclosesVersion);
            if (text.isPresent()) {
                return List.of(new Finding(FINDING, "dns-version", name + " CH TXT is answered with \"" + text.get() + "\""));
            }
        }
        return List.of();
    }

    /** Whether a version.bind answer gives software or version away (pure, for tests). */
    public static boolean disclosesVersion(String text) {
        return VERSION_NUMBER.matcher(text).find() || SOFTWARE.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
