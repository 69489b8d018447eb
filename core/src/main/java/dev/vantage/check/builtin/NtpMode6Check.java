package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.udp.UdpExchange;
import dev.vantage.udp.probe.NtpPackets;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Does the NTP server answer control queries (mode 6) from a stranger? One READVAR for the system
 * variables, as {@code ntpq -c rv} sends; an answer that is not an error is the finding, with the
 * size of the answer against the 12-byte question and the version it reveals as evidence.
 */
public final class NtpMode6Check implements Check {
    public static final String FINDING = "ntp-mode6-amplification";
    private static final String ID = "ntp-mode6";
    private static final int SEQUENCE = 0x5654;

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("ntp"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        byte[] request = NtpPackets.readVariables(SEQUENCE);
        List<byte[]> datagrams;
        try (UdpExchange x = UdpExchange.open(ctx.address())) {
            datagrams = x.ask(request, 2, Duration.ofSeconds(2), 32, 64 * 1024);
        }
        return judge(request.length, datagrams);
    }

    /** The verdict on the datagrams answering READVAR; public for the tests. */
    public static List<Finding> judge(int requestBytes, List<byte[]> datagrams) {
        List<NtpPackets.ControlFragment> fragments = new ArrayList<>();
        int bytes = 0;
        for (byte[] d : datagrams) {
            Optional<NtpPackets.ControlFragment> f = NtpPackets.parseControl(d);
            if (f.isEmpty() || f.get().sequence() != SEQUENCE || f.get().opcode() != 2 || f.get().error()) continue;
            fragments.add(f.get());
            bytes += d.length;
        }
        if (fragments.isEmpty()) return List.of();
        Map<String, String> vars = NtpPackets.variables(fragments);
        String version = vars.get("version");
        return List.of(new Finding(FINDING, ID, String.format("READVAR answered: %d bytes in %d packets for a %d-byte request (%.0f times)%s",
                bytes, fragments.size(), requestBytes, (double) bytes / requestBytes,
                version == null ? "" : "; version=\"" + version + "\"")));
    }
}
