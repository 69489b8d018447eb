package dev.vantage.probe.builtin;

import dev.vantage.probe.ServiceProbe;

import java.util.List;

/**
 * The built-in probes of the mail group, in the order they are tried when no port hint applies.
 * SMTP comes before FTP so that a bare {@code 220} greeting on a port that is likely for neither is
 * called SMTP; the submission variant of the SMTP probe is likely only on 587, where it is tried
 * first.
 */
public final class MailProbes {
    private MailProbes() {}

    public static List<ServiceProbe> all() {
        return List.of(
                new SmtpProbe(),
                SmtpProbe.submission(),
                new FtpProbe(),
                new Pop3Probe(),
                new ImapProbe(),
                new TelnetProbe(),
                new IdentProbe());
    }
}
