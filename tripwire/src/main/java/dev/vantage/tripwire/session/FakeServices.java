package dev.vantage.tripwire.session;

import dev.vantage.tripwire.Banner;

/** The fake service behind each banner; all are stateless, so one instance each serves every connection. */
public final class FakeServices {
    private static final FakeService TELNET = new TelnetService();
    private static final FakeService FTP = new FtpService();
    private static final FakeService SMTP = new SmtpService();
    private static final FakeService HTTP = new HttpService();
    private static final FakeService SSH = new SshService();
    private static final FakeService SILENT = new SilentService();

    private FakeServices() {}

    public static FakeService forBanner(Banner banner) {
        return switch (banner) {
            case TELNET -> TELNET;
            case FTP -> FTP;
            case SMTP -> SMTP;
            case HTTP -> HTTP;
            case SSH -> SSH;
            case NONE -> SILENT;
        };
    }
}
