package dev.vantage.assess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** One YAML reader for every file (it is thread-safe once configured). */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    private static Map<String, ServiceEntry> servicesFile() {
        JsonNode servicesNode = read(Yaml.MAPPER, "services.yaml").path("services");
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
        JsonNode findingsNode = read(Yaml.MAPPER, "findings.yaml").path("findings");
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
        JsonNode checklistNode = read(Yaml.MAPPER, "checklist.yaml").path("checklist");
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
        JsonNode messagesNode = read(Yaml.MAPPER, "messages.yaml").path("messages");
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

    private static JsonNode read(ObjectMapper yaml, String file) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("missing knowledge-base file " + file);
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge-base file " + file, e);
        }
    }
}
