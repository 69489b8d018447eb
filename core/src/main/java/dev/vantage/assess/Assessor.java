package dev.vantage.assess;

import dev.vantage.target.Cidr;
import dev.vantage.check.Finding;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortReport;
import dev.vantage.scan.PortState;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins what was seen with what it means and what the owner intended.
 * <ul>
 *   <li>A port's stock risk is its service's default, raised to the level of its worst finding,
 *       and lowered one step when the service refused us at once (open-restricted). Each step is
 *       recorded, so the report can say why.</li>
 *   <li>The owner's overrides are attached beside the stock rating, never in place of it.</li>
 *   <li>Deviations: a port answering that the policy does not intend, an intended port that does
 *       not answer, and a port answering a vantage its policy does not allow.</li>
 *   <li>Decoys: for each port the policy marks as a decoy, what the tripwire recorded there since
 *       the last check (with {@link #withDecoys}).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Assessor {
    /** Service names from probes that differ from the knowledge base's keys. */
    private static final Map<String, String> ALIASES = Map.of("domain", "dns", "microsoft-ds", "smb", "tls", "https",
            "ms-wbt-server", "rdp", "postgres", "postgresql", "mongo", "mongodb");

    private final KnowledgeBase kb;
    private final Policy policy;
    private final DecoyActivity decoys;
    private final Instant checkStarted;

    public Assessor(KnowledgeBase kb, Policy policy) {
        this(kb, policy, DecoyActivity.NONE, Instant.EPOCH);
    }

    private Assessor(KnowledgeBase kb, Policy policy, DecoyActivity decoys, Instant checkStarted) {
        this.kb = kb;
        this.policy = policy;
        this.decoys = decoys;
        this.checkStarted = checkStarted;
    }

    /**
     * The same assessment, plus what the tripwire recorded on the policy's decoy ports between the
     * previous check and {@code checkStarted} (the start of the check being reported).
     */
    public Assessor withDecoys(DecoyActivity activity, Instant checkStarted) {
        return new Assessor(kb, policy, activity, checkStarted);
    }

    /**
     * @param vantage        the name of the place the check ran from, if known
     * @param vantageAddress the scanner's source address towards this host, if known (for {@code from} rules)
     */
    public AssessedHost assess(HostReport host, @Nullable String vantage, @Nullable InetAddress vantageAddress) {
        Optional<Policy.Host> owned = policy.hostFor(host.target().address());
        String label = owned.map(Policy.Host::name).orElse(host.target().name());
        List<AssessedPort> ports = new ArrayList<>();
        for (PortReport p : host.ports()) ports.add(assessPort(label, p));
        List<Deviation> deviations = owned.map(h -> deviations(h, host, vantage, vantageAddress)).orElse(List.of());
        List<DecoyActivity.Attempts> decoyAttempts = owned.map(this::decoyAttempts).orElse(List.of());
        return new AssessedHost(host, label, vantage, ports, deviations, decoyAttempts);
    }

    /** The tripwire's record for each TCP port the policy marks as a decoy on this host, where it has one. */
    private List<DecoyActivity.Attempts> decoyAttempts(Policy.Host owned) {
        if (decoys == DecoyActivity.NONE) return List.of();
        List<DecoyActivity.Attempts> out = new ArrayList<>();
        for (Policy.Intended i : owned.intended()) {
            if (!i.decoy() || !i.protocol().equals("tcp")) continue;     // the tripwire listens on TCP only
            decoys.attempts(owned.addresses(), i.port(), checkStarted).ifPresent(out::add);
        }
        out.sort(java.util.Comparator.comparingInt(DecoyActivity.Attempts::port));
        return out;
    }

    AssessedPort assessPort(String hostLabel, PortReport p) {
        boolean identified = p.service() != null && !p.service().name().equals("unknown");
        String key = serviceKey(p);
        Risk base = kb.service(key).map(KnowledgeBase.ServiceEntry::risk).orElse(Risk.MEDIUM);
        List<RiskStep> steps = new ArrayList<>();
        steps.add(new RiskStep.ServiceDefault(key, base));
        Risk risk = base;
        List<AssessedFinding> findings = new ArrayList<>();
        for (Finding f : p.findings()) {
            Risk fr = kb.finding(f.id()).map(KnowledgeBase.FindingEntry::risk).orElse(Risk.MEDIUM);
            findings.add(new AssessedFinding(f, fr, policy.viewOfFinding(hostLabel, f.id()).orElse(null)));
            if (fr.compareTo(risk) > 0) {
                risk = fr;
                steps.add(new RiskStep.RaisedByFinding(f.id(), fr));
            }
        }
        if (p.state() == PortState.OPEN_RESTRICTED && risk != Risk.INFO) {
            risk = risk.lower();
            steps.add(new RiskStep.LoweredRestricted(risk));
        }
        if (!p.state().isReachable() && p.state() != PortState.OPEN_FILTERED) {
            return new AssessedPort(p, key, identified, Risk.INFO, List.of(), null, findings);   // closed / filtered, listed by --show-all
        }
        // Looked up only for ports that answer: a full --show-all scan has 65 535 closed ones.
        OwnerView owner = policy.viewOfPort(hostLabel, p.port(), key).orElse(null);
        return new AssessedPort(p, key, identified, risk, steps, owner, findings);
    }

    /** The knowledge-base service for a port: the identified service, else the port's conventional one. */
    public String serviceKey(PortReport p) {
        if (p.service() != null && !p.service().name().equals("unknown")) {
            String name = ALIASES.getOrDefault(p.service().name(), p.service().name());
            if (p.service().tls() && kb.service(name + "s").isPresent() && !name.endsWith("s")) return name + "s";
            if (kb.service(name).isPresent()) return name;
        }
        return kb.serviceOnPort(p.protocol().label(), p.port()).map(KnowledgeBase.ServiceEntry::key).orElse("unknown");
    }

    private List<Deviation> deviations(Policy.Host owned, HostReport host, @Nullable String vantage,
                                       @Nullable InetAddress source) {
        List<Deviation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PortReport p : host.ports()) {
            if (!p.state().isReachable()) continue;
            String proto = p.protocol().label();
            seen.add(proto + "/" + p.port());
            Optional<Policy.Intended> intended = owned.intended(proto, p.port());
            if (intended.isEmpty()) {
                out.add(new Deviation("policy-unexpected-open", p.port(), proto, p.state().label(), vantage));
            } else if (p.state() == PortState.OPEN && !intended.get().allows(source)) {
                out.add(new Deviation("policy-vantage-excluded", p.port(), proto,
                        // language-neutral evidence: the reports say the sentence around it
                        (source == null ? "?" : source.getHostAddress()) + " → "
                                + String.join(", ", intended.get().from().stream().map(Cidr::toString).toList()), vantage));
            }
        }
        for (Policy.Intended i : owned.intended()) {
            if (seen.contains(i.protocol() + "/" + i.port())) continue;
            if (!i.allows(source)) continue;              // not meant to answer here: silence is right
            if (!scanned(host, i)) continue;               // not part of this check's port list
            out.add(new Deviation("policy-intended-unreachable", i.port(), i.protocol(), stateOf(host, i), vantage));
        }
        out.sort(java.util.Comparator.comparingInt(Deviation::port));
        return out;
    }

    private static boolean scanned(HostReport host, Policy.Intended i) {
        if (i.protocol().equals("udp")) return host.ports().stream().anyMatch(p -> p.protocol().label().equals("udp"));
        return !stateOf(host, i).equals("not scanned");
    }

    private static String stateOf(HostReport host, Policy.Intended i) {
        for (PortReport p : host.ports()) {
            if (p.port() == i.port() && p.protocol().label().equals(i.protocol())) return p.state().label();
        }
        if (i.protocol().equals("tcp")) {
            if (inRanges(host.closed(), i.port())) return "closed";
            if (inRanges(host.filtered(), i.port())) return "filtered";
        }
        return "not scanned";
    }

    static boolean inRanges(String ranges, int port) {
        if (ranges.isEmpty()) return false;
        for (String r : ranges.split(",")) {
            int dash = r.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? r : r.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(r.substring(dash + 1));
            if (port >= from && port <= to) return true;
        }
        return false;
    }

    /** The checklist items that apply to a set of assessed hosts, in knowledge-base order. */
    public List<String> checklist(List<AssessedHost> hosts) {
        Set<String> present = new HashSet<>();
        for (AssessedHost h : hosts) present.addAll(checklistKeys(h));
        return checklist(present);
    }

    /** The services, findings and deviations of a host that can make checklist items apply. */
    public Set<String> checklistKeys(AssessedHost h) {
        Set<String> present = new HashSet<>();
        for (AssessedPort p : h.ports()) {
            if (!p.port().state().isReachable()) continue;
            present.add(p.serviceKey());
            for (AssessedFinding f : p.findings()) present.add(f.finding().id());
        }
        for (Deviation d : h.deviations()) present.add(d.kind());
        return present;
    }

    /** The checklist items whose conditions are among {@code present}, in knowledge-base order. */
    public List<String> checklist(Set<String> present) {
        List<String> out = new ArrayList<>();
        for (KnowledgeBase.ChecklistItem item : kb.checklist()) {
            if (item.always() || item.appliesWhen().stream().anyMatch(present::contains)) out.add(item.id());
        }
        return out;
    }
}
