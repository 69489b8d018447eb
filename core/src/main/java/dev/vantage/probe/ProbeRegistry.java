package dev.vantage.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import dev.vantage.probe.builtin.DataProbes;
import dev.vantage.probe.builtin.HttpProbe;
import dev.vantage.probe.builtin.InfraProbes;
import dev.vantage.probe.builtin.MailProbes;
import dev.vantage.probe.builtin.SshProbe;
import dev.vantage.probe.builtin.TlsProbe;

/**
 * Every probe Vantage knows: the built-ins, in the order they are tried when no port hint
 * applies, then any found through {@link ServiceLoader} ({@code META-INF/services/dev.vantage.probe.ServiceProbe}).
 */
public final class ProbeRegistry {
    private ProbeRegistry() {}

    /**
     * The built-in probes. Greeting readers first, then queries from the cheapest and most common.
     * Among the queries, those that end their request with a line end (Redis, memcached, and the
     * HTTP-speaking Elasticsearch, TLS and HTTP probes) come before the binary ones: a text service
     * on an unusual port (HTTP above all) answers a line at once but waits in silence for the line
     * end a binary request never sends, while binary services answer or hang up at once on text.
     */
    public static List<ServiceProbe> builtins() {
        List<ServiceProbe> list = new ArrayList<>();
        list.add(new SshProbe());
        list.addAll(MailProbes.all());      // SMTP, FTP, POP3, IMAP, TELNET, IDENT
        List<ServiceProbe> data = DataProbes.all();
        list.addAll(data.stream().filter(p -> !DataProbes.isBinary(p)).toList());   // MySQL, VNC, Redis, memcached, Elasticsearch
        list.add(new TlsProbe());           // before HTTP: a TLS port answers a plain GET with an HTTP error page
        list.add(new HttpProbe());
        list.addAll(data.stream().filter(DataProbes::isBinary).toList());          // PostgreSQL, MongoDB, RDP, SMB, NetBIOS, AFP
        list.addAll(InfraProbes.all());     // DNS over TCP and the rest
        return List.copyOf(list);
    }

    public static List<ServiceProbe> all() {
        List<ServiceProbe> all = new ArrayList<>(builtins());
        ServiceLoader.load(ServiceProbe.class).forEach(all::add);
        return List.copyOf(all);
    }
}
