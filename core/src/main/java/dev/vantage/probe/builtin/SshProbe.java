package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import dev.vantage.probe.ssh.SshIdent;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSH announces itself first: {@code SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3}. Protocol 1.99
 * means the server still accepts SSH-1 as well; 1.5 means SSH-1 only.
 *
 * <p>Product and version follow nmap's service database, so reports line up with
 * {@code nmap -sV}: the line above is product {@code OpenSSH}, version {@code 9.2p1 Debian 2+deb12u3}
 * (the distribution's package revision is part of the version: it tells which security fixes
 * are in). Software nmap names differently ({@code dropbear_2022.83} is "Dropbear sshd") is
 * mapped the same way; anything else is split at its first {@code _} or {@code -} before a digit.
 */
public final class SshProbe implements ServiceProbe {
    private static final Pattern GENERIC = Pattern.compile("([A-Za-z][A-Za-z-]*?)[_-]v?(\\d[\\w.]*)");

    /** A rule on "software comment" (the comment may be empty): product and how to form the version. */
    private record Rule(Pattern pattern, String product, Function<Matcher, @Nullable String> version) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^OpenSSH[_-]([\\w.]+)[ -]{1,2}Debian[-_ ](\\S+)"), "OpenSSH", m -> m.group(1) + " Debian " + m.group(2)),
            new Rule(Pattern.compile("^OpenSSH[_-]([\\w.]+)[ -]{1,2}Ubuntu[-_ ](\\S+)"), "OpenSSH", m -> m.group(1) + " Ubuntu " + m.group(2)),
            new Rule(Pattern.compile("^OpenSSH[_-]([\\w.]+) Raspbian-(\\S+)"), "OpenSSH", m -> m.group(1) + " Raspbian " + m.group(2)),
            new Rule(Pattern.compile("^OpenSSH[_-]([\\w.]+?)(?:[-_]hpn\\w*)?(?: |$)"), "OpenSSH", m -> m.group(1)),
            new Rule(Pattern.compile("^dropbear_([-\\w.]+)"), "Dropbear sshd", m -> m.group(1)),
            new Rule(Pattern.compile("^dropbear(?: |$)"), "Dropbear sshd", m -> null),
            new Rule(Pattern.compile("^Cisco-(\\d[\\d.]+)"), "Cisco SSH", m -> m.group(1)),
            new Rule(Pattern.compile("^libssh[_-]([-\\w.]+)"), "libssh", m -> m.group(1)),
            new Rule(Pattern.compile("^libssh(?: |$)"), "libssh", m -> null),
            new Rule(Pattern.compile("^paramiko_([\\w.-]+)"), "Paramiko Python sshd", m -> m.group(1)),
            new Rule(Pattern.compile("^AsyncSSH_(\\d[\\w.-]+)"), "AsyncSSH sshd", m -> m.group(1)),
            new Rule(Pattern.compile("^mod_sftp/([\\w.-]+)"), "ProFTPD mod_sftp", m -> m.group(1)),
            new Rule(Pattern.compile("^mod_sftp(?: |$)"), "ProFTPD mod_sftp", m -> null),
            new Rule(Pattern.compile("^RomSShell_([\\w.-]+)"), "AllegroSoft RomSShell sshd", m -> m.group(1)),
            new Rule(Pattern.compile("^ROSSSH(?: |$)"), "MikroTik RouterOS sshd", m -> null),
            new Rule(Pattern.compile("^WeOnlyDo(?:-wodFTPD)?[ -]([\\d.]+)"), "WeOnlyDo sshd", m -> m.group(1)),
            new Rule(Pattern.compile("^[\\w.-]+ sshlib: WinSSHD ([\\w.-]+)"), "Bitvise WinSSHD", m -> m.group(1)),
            new Rule(Pattern.compile("^[\\w.-]+ FlowSsh: (?:WinSSHD|Bitvise SSH Server \\(WinSSHD\\)) ([\\w.-]+)"), "Bitvise WinSSHD", m -> m.group(1)));

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("ssh", "ssh", Set.of(22, 2222), false);
    }

    @Override
    public Optional<Service> fromGreeting(byte[] greeting) {
        return SshIdent.parse(greeting).map(SshProbe::identify);
    }

    /** Product and version from an identification line; public for the corpus tests. */
    public static Service identify(SshIdent ident) {
        String full = ident.comment() == null ? ident.software() : ident.software() + " " + ident.comment();
        String product = null;
        String version = null;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(full);
            if (m.find()) {
                product = r.product();
                version = r.version().apply(m);
                break;
            }
        }
        if (product == null) {
            Matcher pv = GENERIC.matcher(ident.software());
            if (pv.matches()) {
                product = pv.group(1);
                version = pv.group(2);
            } else if (Character.isLetter(ident.software().charAt(0)) && ident.software().length() <= 64) {
                product = ident.software();   // "SSH-2.0-Go": a name without a version
            }                                 // else, like nmap: no product (e.g. "SSH-1.5-1.2.27")
        }
        Service s = Service.of("ssh", product, version, Connection.excerpt(ident.line().getBytes(StandardCharsets.ISO_8859_1), 120))
                .withDetail("protocol", ident.protocol())
                .withDetail("software", ident.software());
        if (ident.comment() != null) s = s.withDetail("comment", ident.comment());
        return s;
    }
}
