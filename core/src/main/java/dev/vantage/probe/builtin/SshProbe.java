package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSH announces itself first: {@code SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3}. Protocol 1.99
 * means the server still accepts SSH-1 as well; 1.5 means SSH-1 only.
 */
public final class SshProbe implements ServiceProbe {
    private static final Pattern IDENT = Pattern.compile("^SSH-(\\d+\\.\\d+)-([^\\s\\r\\n]+)(?: ([^\\r\\n]*))?", Pattern.MULTILINE);
    private static final Pattern PRODUCT_VERSION = Pattern.compile("([A-Za-z][A-Za-z-]*?)[_-]v?(\\d[\\w.]*)");

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("ssh", "ssh", Set.of(22, 2222), false);
    }

    @Override
    public Optional<Service> fromGreeting(byte[] greeting) {
        String text = new String(greeting, 0, Math.min(greeting.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = IDENT.matcher(text);
        if (!m.find()) return Optional.empty();
        String software = m.group(2);
        String product = software;
        String version = null;
        Matcher pv = PRODUCT_VERSION.matcher(software);
        if (pv.matches()) {
            product = pv.group(1);
            version = pv.group(2);
        }
        Service s = Service.of("ssh", product, version, Connection.excerpt(m.group(0).getBytes(StandardCharsets.ISO_8859_1), 120))
                .withDetail("protocol", m.group(1));
        if (m.group(3) != null && !m.group(3).isBlank()) s = s.withDetail("comment", m.group(3).strip());
        return Optional.of(s);
    }
}
