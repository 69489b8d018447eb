package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.udp.UdpExchange;
import dev.vantage.udp.probe.NtpPackets;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Does the NTP server answer ntpd's private "monlist" request (mode 7, MON_GETLIST_1, and the
 * older implementation number if the first is refused)? Only an answer carrying monitor entries
 * is the finding: servers from ntpd 4.2.7p26 on, ntpsec and chrony do not answer it at all.
 */
public final class NtpMonlistCheck implements Check {
    public static final String FINDING = "ntp-mode7-monlist";
    private static final String ID = "ntp-monlist";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ntp"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        try (UdpExchange x = UdpExchange.open(ctx.address())) {
            for (int implementation : new int[] {NtpPackets.IMPL_XNTPD, NtpPackets.IMPL_XNTPD_OLD}) {
                byte[] request = NtpPackets.monlistRequest(implementation, NtpPackets.MON_GETLIST_1);
                List<byte[]> datagrams = x.ask(request, 2, Duration.ofSeconds(2), 128, 256 * 1024);
                List<Finding> f = judge(request.length, datagrams);
                if (!f.isEmpty() || datagrams.isEmpty()) return f;
            }
        }
        return List.of();
    }

    /** The verdict on the datagrams answering MON_GETLIST; public for the tests. */
    public static List<Finding> judge(int requestBytes, List<byte[]> datagrams) {
        int entries = 0;
        int packets = 0;
        int bytes = 0;
        for (byte[] d : datagrams) {
            Optional<NtpPackets.PrivateResponse> r = NtpPackets.parsePrivate(d);
            if (r.isEmpty() || r.get().errorCode() != 0 || r.get().requestCode() != NtpPackets.MON_GETLIST_1) continue;
            entries += r.get().items();
            packets++;
            bytes += d.length;
        }
        if (entries == 0) return List.of();
        return List.of(new Finding(FINDING, ID, String.format(
                "monlist answered: %d client entries in %d packets, %d bytes for a %d-byte request (%.0f times)",
                entries, packets, bytes, requestBytes, (double) bytes / requestBytes)));
    }
}
