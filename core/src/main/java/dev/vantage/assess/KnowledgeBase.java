package dev.vantage.assess;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The risk knowledge base: data files in {@code kb/} (services, findings, checklist, messages),
 * every text in English and Japanese. Loaded once and shared; immutable and thread-safe.
 */
public final class KnowledgeBase {
    private static final String DIR = "kb/";

    /** The texts of a service entry in one language. */
    public record ServiceText(String name, String function, String threats, String why, String advice) {}

    public record ServiceEntry(String key, List<String> ports, Risk risk, Map<Lang, ServiceText> text) {
        public ServiceText in(Lang lang) {
            return text.get(lang);
        }
    }

    /** The texts of a finding in one language. */
    public record FindingText(String title, String threats, String why, String advice) {}

    public record FindingEntry(String id, String service, Risk risk, Map<Lang, FindingText> text) {
        public FindingText in(Lang lang) {
            return text.get(lang);
        }
    }

    /** A checklist item: shown always, or when one of the services or findings occurs. */
    public record ChecklistItem(String id, boolean always, Set<String> appliesWhen, Map<Lang, String> text) {}

    private final Map<String, ServiceEntry> services;
    private final Map<String, ServiceEntry> byPort;
    /** Read on first use: a run without findings (a plain port scan) never needs them. */
    private final Lazy<Map<String, FindingEntry>> findings;
    private final List<ChecklistItem> checklist;
    /** Read on first use: the JSON result needs none of the report texts. */
    private final Lazy<Map<String, Map<Lang, String>>> messages;

    private KnowledgeBase(Map<String, ServiceEntry> services, Lazy<Map<String, FindingEntry>> findings,
                          List<ChecklistItem> checklist, Lazy<Map<String, Map<Lang, String>>> messages) {
        this.services = services;
        this.findings = findings;
        this.checklist = checklist;
        this.messages = messages;
        Map<String, ServiceEntry> ports = new HashMap<>();
        for (ServiceEntry e : services.values()) for (String p : e.ports()) ports.putIfAbsent(p, e);
        this.byPort = ports;
    }

    private static final class Holder {
        static final KnowledgeBase BUILTIN = load();
    }

    /** The built-in knowledge base (loaded on first use). */
    public static KnowledgeBase builtin() {
        return Holder.BUILTIN;
    }

    public Optional<ServiceEntry> service(String key) {
        return Optional.ofNullable(services.get(key));
    }

    /** The service conventionally on a port, e.g. {@code tcp/22} → ssh. */
    public Optional<ServiceEntry> serviceOnPort(String protocol, int port) {
        return Optional.ofNullable(byPort.get(protocol + "/" + port));
    }

    public Optional<FindingEntry> finding(String id) {
        return Optional.ofNullable(findings.get().get(id));
    }

    public Map<String, ServiceEntry> services() {
        return services;
    }

    public Map<String, FindingEntry> findings() {
        return findings.get();
    }

    public List<ChecklistItem> checklist() {
        return checklist;
    }

    public Map<String, Map<Lang, String>> messages() {
        return messages.get();
    }

    /** A UI or report string; the key itself if it is missing (a test keeps that from happening). */
    public String message(String key, Lang lang) {
        Map<Lang, String> m = messages.get().get(key);
        return m == null || m.get(lang) == null ? key : m.get(lang);
    }

    /**
     * Services and the checklist now, findings and messages when first asked for: of the four
     * files (some 300 kB of YAML, parsed while a check starts) a scan that finds nothing needs
     * half. Each part is parsed once; a broken file fails its first reader.
     */
    private static KnowledgeBase load() {
        return new KnowledgeBase(servicesFile(), new Lazy<>(KnowledgeBase::findingsFile), checklistFile(),
                new Lazy<>(KnowledgeBase::messagesFile));
    }

    private static Map<String, ServiceEntry> servicesFile() {
        JsonNode servicesNode = read("services").path("services");
        Map<String, ServiceEntry> services = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = servicesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            Map<Lang, ServiceText> text = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                JsonNode t = n.path(lang.code());
                text.put(lang, new ServiceText(t.path("name").asText(""), t.path("function").asText(""),
                        t.path("threats").asText(""), t.path("why").asText(""), t.path("advice").asText("")));
            }
            List<String> ports = new ArrayList<>();
            n.path("ports").forEach(p -> ports.add(p.asText()));
            services.put(e.getKey(), new ServiceEntry(e.getKey(), List.copyOf(ports), Risk.parse(n.path("risk").asText("info")), text));
        }
        return Map.copyOf(services);
    }

    private static Map<String, FindingEntry> findingsFile() {
        JsonNode findingsNode = read("findings").path("findings");
        Map<String, FindingEntry> findings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = findingsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            Map<Lang, FindingText> text = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                JsonNode t = n.path(lang.code());
                text.put(lang, new FindingText(t.path("title").asText(""), t.path("threats").asText(""),
                        t.path("why").asText(""), t.path("advice").asText("")));
            }
            findings.put(e.getKey(), new FindingEntry(e.getKey(), n.path("service").asText(""),
                    Risk.parse(n.path("risk").asText("info")), text));
        }
        return Map.copyOf(findings);
    }

    private static List<ChecklistItem> checklistFile() {
        JsonNode checklistNode = read("checklist").path("checklist");
        List<ChecklistItem> checklist = new ArrayList<>();
        for (JsonNode n : checklistNode) {
            JsonNode when = n.path("applies_when");
            boolean always = when.isTextual() && when.asText().equals("always");
            Set<String> keys = new java.util.HashSet<>();
            if (when.isArray()) when.forEach(w -> keys.add(w.asText()));
            Map<Lang, String> text = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) text.put(lang, n.path(lang.code()).path("text").asText(""));
            checklist.add(new ChecklistItem(n.path("id").asText(), always, Set.copyOf(keys), text));
        }
        return List.copyOf(checklist);
    }

    private static Map<String, Map<Lang, String>> messagesFile() {
        JsonNode messagesNode = read("messages").path("messages");
        Map<String, Map<Lang, String>> messages = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = messagesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<Lang, String> text = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                JsonNode t = e.getValue().path(lang.code());
                if (!t.isMissingNode()) text.put(lang, t.asText());
            }
            messages.put(e.getKey(), text);
        }
        return Map.copyOf(messages);
    }

    /** A value computed once, on first use, by whichever thread asks first. */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> compute;
        private volatile T value;

        Lazy(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) value = v = compute.get();
                }
            }
            return v;
        }
    }

    /**
     * One file as a tree: the JSON the build wrote from its YAML ({@link KnowledgeBaseCompiler}),
     * or the YAML itself where no build step ran (an IDE's own compile). Built with the streaming
     * parser and the node factory alone: a full object mapper costs more to set up than the
     * services file costs to read.
     */
    private static JsonNode read(String name) {
        InputStream json = KnowledgeBase.class.getResourceAsStream(DIR + name + ".json");
        try (InputStream in = json != null ? json : KnowledgeBase.class.getResourceAsStream(DIR + name + ".yaml")) {
            if (in == null) throw new IllegalStateException("missing knowledge-base file " + name + ".yaml");
            try (JsonParser p = (json != null ? new JsonFactory() : new YAMLFactory()).createParser(in)) {
                if (p.nextToken() == null) throw new IllegalStateException("empty knowledge-base file " + name);
                return tree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge-base file " + name, e);
        }
    }

    /** The value at the parser's current token, as a tree (the parser ends on its last token). */
    static JsonNode tree(JsonParser p) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    o.set(field, tree(p));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = nodes.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(tree(p));
                yield a;
            }
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {   // the node types the object mapper picks
                case INT -> nodes.numberNode(p.getIntValue());
                case LONG -> nodes.numberNode(p.getLongValue());
                default -> nodes.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(p.getBooleanValue());
            case VALUE_NULL -> nodes.nullNode();
            default -> nodes.textNode(p.getText());
        };
    }
}
