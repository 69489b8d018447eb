package dev.vantage.check.builtin;

import dev.vantage.check.Check;

import java.util.List;

/** The built-in checks of the infra group: DNS, SSH, TLS (direct and STARTTLS) and HTTP. */
public final class InfraChecks {
    private InfraChecks() {}

    public static List<Check> all() {
        return List.of(
                new DnsOpenResolverCheck(),
                new DnsZoneTransferCheck(),
                new DnsVersionCheck(),
                new SshProtocolCheck(),
                new SshAlgorithmsCheck(),
                new SshHostKeyCheck(),
                new SshAuthMethodsCheck(),
                new TlsVersionsCheck(),
                new TlsCertificateCheck(),
                new HttpVersionDisclosureCheck(),
                new HttpTraceCheck(),
                new HttpDirectoryListingCheck(),
                new HttpSampleFilesCheck(),
                new HttpLoginFormCheck(),
                new HttpGitExposedCheck());
    }
}
