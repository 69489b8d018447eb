package dev.vantage.check.builtin;

import dev.vantage.check.Check;

import java.util.List;

/** The built-in checks of the mail group: SMTP, FTP, POP3, IMAP, TELNET, IDENT. */
public final class MailChecks {
    private MailChecks() {}

    public static List<Check> all() {
        return List.of(
                new SmtpRelayCheck(),
                new SmtpUserEnumerationCheck(),
                new SmtpCleartextCheck(),
                new FtpAnonymousCheck(),
                new FtpAnonymousWriteCheck(),
                new FtpCleartextCheck(),
                new FtpBounceCheck(),
                new Pop3CleartextCheck(),
                new ImapCleartextCheck(),
                new TelnetCleartextCheck(),
                new IdentDisclosureCheck());
    }
}
