package dev.vantage.server.proof;

import org.jspecify.annotations.Nullable;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names to addresses and TXT records, through the JDK's own DNS client (JNDI): the system's
 * resolvers by default, or one DNS server the operator names ({@code --dns 127.0.0.1:5353},
 * which is how the tests point it at a dnsmasq on loopback). Every answer is bounded: at most
 * {@value #MAX_ANSWERS} records, each TXT string at most {@value #MAX_TXT} characters.
 */
public final class NameResolver {
    private static final int MAX_ANSWERS = 32;
    private static final int MAX_TXT = 512;

    private final @Nullable String server;

    /** @param server host:port of the DNS server to ask, or null for the system's resolvers */
    public NameResolver(@Nullable String server) {
        this.server = server;
    }

    public static NameResolver system() {
        return new NameResolver(null);
    }

    /** The addresses of a host: a literal is itself; a name is looked up (A and AAAA). */
    public List<InetAddress> addresses(String host) throws UnknownHostException {
        if (HostNames.isAddressLiteral(host)) return List.of(InetAddress.getByName(HostNames.stripBrackets(host)));
        if (server == null) {
            InetAddress[] all = InetAddress.getAllByName(host);
            List<InetAddress> out = new ArrayList<>();
            for (int i = 0; i < all.length && i < MAX_ANSWERS; i++) out.add(all[i]);
            return out;
        }
        Set<InetAddress> out = new LinkedHashSet<>();
        for (String type : new String[] {"A", "AAAA"}) {
            try {
                for (String value : lookup(host, type)) {
                    if (value.matches("[0-9A-Fa-f:.]+")) out.add(InetAddress.getByName(value));
                }
            } catch (UnknownHostException e) {
                // no records of this type (or the server refused this type): the other may have some
            }
        }
        if (out.isEmpty()) throw new UnknownHostException(host);
        return List.copyOf(out);
    }

    /** The TXT strings of a name (each record's character-strings joined); empty when there are none. */
    public List<String> txt(String name) {
        try {
            List<String> out = new ArrayList<>();
            for (String v : lookup(name, "TXT")) out.add(unquote(v));
            return out;
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private List<String> lookup(String name, String type) throws UnknownHostException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", server == null ? "dns:" : "dns://" + server);
        env.put("com.sun.jndi.dns.timeout.initial", "1000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        DirContext ctx = null;
        try {
            ctx = new InitialDirContext(env);
            Attributes attrs = ctx.getAttributes(name.endsWith(".") ? name : name + ".", new String[] {type});
            Attribute a = attrs.get(type);
            List<String> out = new ArrayList<>();
            if (a == null) return out;
            NamingEnumeration<?> values = a.getAll();
            while (values.hasMore() && out.size() < MAX_ANSWERS) {
                String v = String.valueOf(values.next());
                out.add(v.length() > MAX_TXT ? v.substring(0, MAX_TXT) : v);
            }
            return out;
        } catch (NamingException | RuntimeException e) {
            throw new UnknownHostException(name);
        } finally {
            if (ctx != null) {
                try {
                    ctx.close();
                } catch (NamingException ignored) {
                    // nothing held open
                }
            }
        }
    }

    /** JNDI renders a TXT record as its quoted character-strings separated by spaces. */
    static String unquote(String v) {
        String s = v.strip();
        if (!s.startsWith("\"")) return s;
        StringBuilder out = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') inQuotes = !inQuotes;
            else if (c == '\\' && i + 1 < s.length()) out.append(s.charAt(++i));
            else if (inQuotes) out.append(c);
        }
        return out.toString();
    }
}
