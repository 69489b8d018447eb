package dev.vantage.server.service;

import dev.vantage.BadInputException;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Policy;
import dev.vantage.assess.PolicyParser;
import dev.vantage.target.NamedPortSets;
import dev.vantage.target.PortList;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a customer asks to be checked: the level, optionally the ports and their own policy
 * (YAML), and the vantages to check from (none: the service's default; {@value #ALL}: every
 * vantage with a running worker). Validated once, here: the port list by {@link PortList}, the
 * policy by {@link PolicyParser}, whose line-numbered message becomes the detail of the refusal.
 */
public record OrderRequest(int level, @Nullable String ports, @Nullable String policy, List<String> vantages) {
    public static final int MAX_POLICY_CHARS = 65_536;
    /** The vantage list that means every vantage with a running worker. */
    public static final String ALL = "all";
    /** A vantage name: what {@code vantage worker --vantage} accepts. */
    public static final Pattern VANTAGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    public OrderRequest(int level, @Nullable String ports, @Nullable String policy) {
        this(level, ports, policy, List.of());
    }

    public OrderRequest {
        vantages = vantages(vantages);
        if (level < 1 || level > 3) throw ServiceException.bad("ui.order.bad_level");
        ports = ports == null || ports.isBlank() ? null : ports.strip();
        policy = policy == null || policy.isBlank() ? null : policy;
        if (ports != null) {
            if (ports.length() > 2000) throw ServiceException.bad("ui.order.bad_ports", "the port list is too long");
            try {
                PortList.parse(ports);
            } catch (BadInputException e) {
                throw ServiceException.bad("ui.order.bad_ports", e.getMessage());
            }
        }
        if (policy != null) {
            if (policy.length() > MAX_POLICY_CHARS) throw ServiceException.bad("ui.order.bad_policy", "the policy is longer than 64 KiB");
            parsePolicy(policy);
        }
    }

    /** Parses a request from text fields (forms, JSON); a level that is not a number is refused. */
    public static OrderRequest of(@Nullable String level, @Nullable String ports, @Nullable String policy) {
        return of(level, ports, policy, null);
    }

    /** As {@link #of(String, String, String)}, with the vantages as one comma-separated field ("outside,allowed", "all"). */
    public static OrderRequest of(@Nullable String level, @Nullable String ports, @Nullable String policy,
                                  @Nullable String vantages) {
        int l;
        try {
            l = level == null || level.isBlank() ? 1 : Integer.parseInt(level.strip());
        } catch (NumberFormatException e) {
            throw ServiceException.bad("ui.order.bad_level");
        }
        List<String> names = new ArrayList<>();
        if (vantages != null) {
            if (vantages.length() > 1000) throw ServiceException.bad("ui.order.bad_vantage", "the vantage list is too long");
            for (String v : vantages.split(",", -1)) if (!v.isBlank()) names.add(v.strip());
        }
        return new OrderRequest(l, ports, policy, names);
    }

    /** Whether the request asks for every vantage with a running worker. */
    public boolean allVantages() {
        return vantages.equals(List.of(ALL));
    }

    private static List<String> vantages(@Nullable List<String> asked) {
        if (asked == null || asked.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String v : asked) {
            if (v == null || !VANTAGE_NAME.matcher(v).matches()) {
                throw ServiceException.bad("ui.order.bad_vantage", "'" + (v == null ? "" : v.length() > 40 ? v.substring(0, 40) + "..." : v)
                        + "' is not a vantage name (letters, digits, '.', '_', '-'; at most 40)");
            }
            if (!out.contains(v)) out.add(v);
        }
        if (out.size() > 16) throw ServiceException.bad("ui.order.bad_vantage", "at most 16 vantages per order");
        if (out.contains(ALL) && out.size() > 1) throw ServiceException.bad("ui.order.bad_vantage", "'all' stands alone");
        return List.copyOf(out);
    }

    public PortList portList() {
        if (ports != null) return PortList.parse(ports);
        return level == 1 ? NamedPortSets.wellKnown() : PortList.all();
    }

    public Policy parsedPolicy() {
        return policy == null ? Policy.empty() : parsePolicy(policy);
    }

    private static Policy parsePolicy(String text) {
        try {
            return PolicyParser.parse("policy", text, KnowledgeBase.builtin());
        } catch (BadInputException e) {
            throw ServiceException.bad("ui.order.bad_policy", e.getMessage());
        } catch (RuntimeException e) {
            throw ServiceException.bad("ui.order.bad_policy", "the policy could not be read");
        }
    }
}
