package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import dev.vantage.probe.builtin.TextBanners.Match;
import dev.vantage.probe.builtin.TextBanners.Rule;
import dev.vantage.probe.builtin.TextReplies.Reply;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FTP greets first with a 220 reply: {@code 220 (vsFTPd 3.0.3)}, {@code 220 ProFTPD 1.3.8 Server
 * (Debian) [::ffff:198.19.0.3]}. Product names follow nmap ({@code vsftpd}, {@code ProFTPD},
 * {@code Pure-FTPd}, {@code FileZilla ftpd}, ...). vsftpd that cannot serve says so at once
 * ({@code 500 OOPS: ...}), which still tells us what it is.
 *
 * <p>A bare 220 greeting is shared with SMTP; see {@link SmtpProbe} for how the port decides.
 */
public final class FtpProbe implements ServiceProbe {
    private static final int MAX_TEXT = 4096;
    /** "FTP" as a word (not the first label of a host name like ftp.example.org), or an FTP-only product. */
    private static final Pattern FTP_HINT = Pattern.compile(
            "(?i)(?<![\\w.-])(FTPD?|FTP-Server|FileZilla|Serv-U)(?![\\w]|[.-]\\w)");

    static final List<Rule> PRODUCTS = List.of(
            Rule.of("^220 \\(vsFTPd ([-.\\w]++)\\)", "vsftpd", 1, 0),
            Rule.of("^220 vsFTPd (\\S++) ready\\.\\.\\.", "vsftpd", 1, 0),
            Rule.of("^220 ready, dude \\(vsFTPd (\\d[0-9.]+): beat me, break me\\)", "vsftpd", 1, 0),
            Rule.of("^500 OOPS: ", "vsftpd"),
            Rule.of("(?m)^220[ -]ProFTPD (\\d\\S*) Server", "ProFTPD", 1, 0),
            Rule.of("(?m)^220[ -][^\\r\\n]*\\(ProFTPD ([\\d.]++)[ )]", "ProFTPD", 1, 0),
            Rule.of("(?m)^220[ -][^\\r\\n]*\\bProFTPD\\b", "ProFTPD"),
            Rule.of("(?m)^220[ -][^\\r\\n]*Pure-?FTPd (\\d[^\\s\\]]*)", "Pure-FTPd", 1, 0),
            Rule.of("(?m)^220[ -][^\\r\\n]*Pure-?FTPd", "Pure-FTPd"),
            Rule.of("(?m)^220[ -]FileZilla Server version (\\d[-.\\w ]*[\\w.])", "FileZilla ftpd", 1, 0),
            Rule.of("(?m)^220[ -]FileZilla Server (\\d[\\w.]*)", "FileZilla ftpd", 1, 0),
            Rule.of("(?m)^220[ -][^\\r\\n]*FileZilla", "FileZilla ftpd"),
            Rule.of("^220[^\\r\\n]*Microsoft FTP Service \\(Version (\\d[^)]*)", "Microsoft ftpd", 1, 0),
            Rule.of("(?m)^220[ -]Microsoft FTP Service", "Microsoft ftpd"),
            Rule.of("(?m)^220[ -]Serv-U FTP[ -]Server v([\\w.-]++)", "Serv-U ftpd", 1, 0),
            Rule.of("(?m)^220[ -]([-.\\w]++) FTP server \\(Version (wu-[-.\\w]+)", "WU-FTPD", 2, 1),
            Rule.of("(?m)^220[ -]bftpd (\\d[\\w.]*)", "Bftpd", 1, 0));

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("ftp", "ftp", Set.of(21, 2121), false);
    }

    @Override
    public Optional<Service> fromGreeting(byte[] greeting) {
        return parse(greeting);
    }

    /** Recognises an FTP greeting; public for the fuzz and corpus tests. Never throws. */
    public static Optional<Service> parse(byte[] greeting) {
        try {
            String text = new String(greeting, 0, Math.min(greeting.length, MAX_TEXT), StandardCharsets.ISO_8859_1);
            Optional<Reply> reply = TextReplies.parse(text, true);
            if (reply.isEmpty()) return Optional.empty();
            Reply r = reply.get();
            Optional<Match> product = TextBanners.first(PRODUCTS, text);
            boolean ftpWords = product.isPresent() || looksLikeFtp(text);
            if (r.code() == 220) {
                if (!ftpWords && (SmtpProbe.looksLikeSmtp(text) || TextBanners.first(SmtpProbe.PRODUCTS, text).isPresent())) {
                    return Optional.empty();
                }
                // A bare "220" that never ends its line (a tar pit, a 10 MB line) is not evidence of FTP.
                if (!ftpWords && text.indexOf('\n') < 0) return Optional.empty();
            } else if (!ftpWords || r.code() < 400) {
                return Optional.empty();    // refusals (421 too many users, 530, 500 OOPS) only when they say FTP
            }
            String banner = Connection.excerpt(r.firstLine().getBytes(StandardCharsets.ISO_8859_1), 160);
            Service s = Service.of("ftp", product.map(Match::product).orElse(null), product.map(Match::version).orElse(null), banner);
            String host = product.map(Match::host).orElse(null);
            if (host != null) s = s.withDetail("hostname", host);
            if (r.code() != 220) s = s.withDetail("refused", Integer.toString(r.code()));
            return Optional.of(s);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a greeting names FTP. */
    public static boolean looksLikeFtp(String text) {
        return FTP_HINT.matcher(text).find();
    }
}
