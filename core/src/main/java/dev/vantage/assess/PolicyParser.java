package dev.vantage.assess;

import dev.vantage.target.Cidr;
import dev.vantage.BadInputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file (YAML; see {@code examples/policy.yaml}). Every mistake is a
 * {@link BadInputException} naming the file, the line and the problem, e.g.
 * {@code policy.yaml, line 7: 'port' must be a number from 1 to 65535.} Unknown keys are errors
 * too, so a typo never silently turns a rule off.
 */
public final class PolicyParser {
    private static final int MAX_BYTES = 1 << 20;
    private final String fileName;
    private final KnowledgeBase kb;

    private PolicyParser(String fileName, KnowledgeBase kb) {
        this.fileName = fileName;
        this.kb = kb;
    }

    public static Policy read(Path file, KnowledgeBase kb) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) throw new BadInputException("The policy file '" + file + "' is larger than 1 MB.");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("Cannot read the policy file '" + file + "'; check the path and its permissions.");
        }
        return parse(file.getFileName() == null ? file.toString() : file.getFileName().toString(), text, kb);
    }

    public static Policy parse(String fileName, String text, KnowledgeBase kb) {
        return new PolicyParser(fileName, kb).parse(new StringReader(text));
    }

    private Policy parse(Reader reader) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(false);
            options.setCodePointLimit(MAX_BYTES);
            root = new Yaml(options).compose(reader);
        } catch (YAMLException e) {
            Mark mark = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m ? m.getProblemMark() : null;
            throw new BadInputException(fileName + (mark != null ? ", line " + (mark.getLine() + 1) : "")
                    + ": not valid YAML (" + firstLine(e.getMessage()) + ").");
        }
        if (root == null) return Policy.empty();
        Map<String, Node> top = mapping(root, "the policy", Set.of("hosts", "overrides", "relay_domain", "language"));
        List<Policy.Host> hosts = new ArrayList<>();
        if (top.containsKey("hosts")) for (Node n : sequence(top.get("hosts"), "hosts")) hosts.add(host(n));
        List<Policy.Override> overrides = new ArrayList<>();
        if (top.containsKey("overrides")) for (Node n : sequence(top.get("overrides"), "overrides")) overrides.add(override(n));
        String relay = top.containsKey("relay_domain") ? domain(top.get("relay_domain")) : null;
        Lang lang = null;
        if (top.containsKey("language")) {
            String code = scalar(top.get("language"), "language");
            try {
                lang = Lang.parse(code);
            } catch (BadInputException e) {
                throw error(top.get("language"), "'language' must be en or ja.");
            }
        }
        Set<String> names = new java.util.HashSet<>();
        for (Policy.Host h : hosts) {
            if (!names.add(h.name())) throw new BadInputException(fileName + ": the host name '" + h.name() + "' appears twice.");
        }
        for (Policy.Override o : overrides) {
            for (String h : o.hosts()) {
                if (!names.contains(h)) throw new BadInputException(fileName + ": an override names the host '" + h
                        + "', which the policy does not define.");
            }
        }
        return new Policy(hosts, overrides, relay, lang);
    }

    private Policy.Host host(Node node) {
        Map<String, Node> m = mapping(node, "a host", Set.of("name", "addresses", "ports"));
        String name = required(m, node, "name", "a host");
        List<InetAddress> addresses = new ArrayList<>();
        if (!m.containsKey("addresses")) throw error(node, "the host '" + name + "' needs 'addresses'.");
        for (Node a : sequence(m.get("addresses"), "addresses")) addresses.add(address(a));
        List<Policy.Intended> intended = new ArrayList<>();
        if (m.containsKey("ports")) for (Node p : sequence(m.get("ports"), "ports")) intended.add(intended(p));
        return new Policy.Host(name, addresses, intended);
    }

    private Policy.Intended intended(Node node) {
        if (node instanceof ScalarNode) return new Policy.Intended(port(node), "tcp", List.of(), false, null);
        Map<String, Node> m = mapping(node, "a port", Set.of("port", "protocol", "from", "decoy", "note"));
        if (!m.containsKey("port")) throw error(node, "each entry of 'ports' needs a 'port'.");
        String protocol = m.containsKey("protocol") ? scalar(m.get("protocol"), "protocol") : "tcp";
        if (!protocol.equals("tcp") && !protocol.equals("udp")) throw error(m.get("protocol"), "'protocol' must be tcp or udp.");
        List<Cidr> from = new ArrayList<>();
        if (m.containsKey("from")) {
            for (Node f : sequence(m.get("from"), "from")) {
                try {
                    from.add(Cidr.parse(scalar(f, "from")));
                } catch (BadInputException e) {
                    throw error(f, e.getMessage());
                }
            }
        }
        boolean decoy = m.containsKey("decoy") && bool(m.get("decoy"), "decoy");
        String note = m.containsKey("note") ? scalar(m.get("note"), "note") : null;
        return new Policy.Intended(port(m.get("port")), protocol, from, decoy, note);
    }

    private Policy.Override override(Node node) {
        Map<String, Node> m = mapping(node, "an override", Set.of("finding", "service", "port", "hosts", "risk", "note"));
        int targets = (m.containsKey("finding") ? 1 : 0) + (m.containsKey("service") ? 1 : 0) + (m.containsKey("port") ? 1 : 0);
        if (targets != 1) throw error(node, "an override names exactly one of 'finding', 'service' or 'port'.");
        String finding = null;
        String service = null;
        Integer port = null;
        if (m.containsKey("finding")) {
            finding = scalar(m.get("finding"), "finding");
            if (kb.finding(finding).isEmpty()) throw error(m.get("finding"), "there is no finding '" + finding + "'.");
        }
        if (m.containsKey("service")) {
            service = scalar(m.get("service"), "service");
            if (kb.service(service).isEmpty()) throw error(m.get("service"), "there is no service '" + service + "'.");
        }
        if (m.containsKey("port")) port = port(m.get("port"));
        if (!m.containsKey("risk")) throw error(node, "an override needs a 'risk' (high, medium, low or info).");
        Risk risk;
        try {
            risk = Risk.parse(scalar(m.get("risk"), "risk"));
        } catch (BadInputException e) {
            throw error(m.get("risk"), "'risk' must be high, medium, low or info.");
        }
        String note = required(m, node, "note", "an override");
        List<String> hosts = new ArrayList<>();
        if (m.containsKey("hosts")) for (Node h : sequence(m.get("hosts"), "hosts")) hosts.add(scalar(h, "hosts"));
        return new Policy.Override(finding, service, port, hosts, risk, note);
    }

    private Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mn)) throw error(node, what + " must be a mapping of keys to values.");
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
            if (out.put(key, t.getValueNode()) != null) {   // the node API does not refuse them itself
                throw error(t.getKeyNode(), "the key '" + key + "' appears twice in " + what + "; keep one.");
            }
        }
        return out;
    }

    private List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode sn)) throw error(node, "'" + what + "' must be a list.");
        return sn.getValue();
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode sn)) throw error(node, "'" + what + "' must be a single value.");
        return sn.getValue();
    }

    private String required(Map<String, Node> m, Node parent, String key, String what) {
        if (!m.containsKey(key)) throw error(parent, what + " needs '" + key + "'.");
        String v = scalar(m.get(key), key).strip();
        if (v.isEmpty()) throw error(m.get(key), "'" + key + "' must not be empty.");
        return v;
    }

    private int port(Node node) {
        String v = scalar(node, "port");
        if (!v.matches("\\d{1,5}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 65535) {
            throw error(node, "'port' must be a number from 1 to 65535.");
        }
        return Integer.parseInt(v);
    }

    private boolean bool(Node node, String what) {
        String v = scalar(node, what);
        return switch (v) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error(node, "'" + what + "' must be true or false.");
        };
    }

    private InetAddress address(Node node) {
        String v = scalar(node, "addresses");
        try {
            Cidr c = Cidr.parse(v);
            if (c.prefix() != c.network().getAddress().length * 8) throw new BadInputException("x");
            return c.network();
        } catch (BadInputException e) {
            throw error(node, "'" + v + "' is not an IP address (write each address of the host, e.g. 198.18.0.2).");
        }
    }

    private String domain(Node node) {
        String v = scalar(node, "relay_domain").strip();
        if (!v.matches("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}")) {
            throw error(node, "'relay_domain' must be a domain name such as relay-test.example.org.");
        }
        return v;
    }

    private BadInputException error(Node node, String message) {
        return new BadInputException(fileName + ", line " + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    private static String firstLine(String s) {
        if (s == null) return "syntax error";
        String line = s.lines().findFirst().orElse("syntax error").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
