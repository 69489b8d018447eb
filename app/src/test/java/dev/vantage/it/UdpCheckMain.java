package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.check.CheckSettings;
import dev.vantage.check.Finding;
import dev.vantage.check.builtin.DataChecks;
import dev.vantage.probe.Service;
import dev.vantage.target.Target;
import dev.vantage.udp.UdpPortResult;
import dev.vantage.udp.UdpScanConfig;
import dev.vantage.udp.UdpScanner;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * UDP scan and data checks of one address, for ITs whose daemon lives in a network namespace of
 * its own (ntpd insists on port 123): run inside the namespace with {@code ip netns exec}, it
 * prints one line per port:
 * {@code port <TAB> state <TAB> reason <TAB> name | product | version <TAB> finding ids (comma-separated)}.
 */
public final class UdpCheckMain {
    private UdpCheckMain() {}

    public static void main(String[] args) throws Exception {
        InetAddress address = InetAddress.getByName(args[0]);
        int[] ports = Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray();
        Target target = new Target(args[0], address);
        Map<Target, List<UdpPortResult>> results = new UdpScanner(UdpScanConfig.defaults()).scan(List.of(target), ports);
        CheckRunner checks = new CheckRunner(DataChecks.all(), CheckSettings.defaults(), 2, false);
        for (UdpPortResult r : results.get(target)) {
            Service s = r.service();
            String findings = "";
            String service = "-";
            if (s != null) {
                service = s.name() + " | " + (s.product() == null ? "-" : s.product()) + " | " + (s.version() == null ? "-" : s.version());
                CheckRunner.Outcome o = checks.run(target, r.port(), s);
                findings = o.findings().stream().map(Finding::id).sorted().collect(Collectors.joining(","));
            }
            System.out.println(r.port() + "\t" + r.result().state().label() + "\t" + r.result().reason().label() + "\t" + service
                    + "\t" + findings);
        }
    }
}
