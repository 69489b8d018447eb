package dev.vantage.server.service;

import dev.vantage.BadInputException;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Policy;
import dev.vantage.assess.PolicyParser;
import dev.vantage.target.NamedPortSets;
import dev.vantage.target.PortList;
import org.jspecify.annotations.Nullable;

/**
 * What a customer asks to be checked: the level, optionally the ports and their own policy
 * (YAML). Validated once, here: the port list by {@link PortList}, the policy by
 * {@link PolicyParser}, whose line-numbered message becomes the detail of the refusal.
 */
public record OrderRequest(int level, @Nullable String ports, @Nullable String policy) {
    public static final int MAX_POLICY_CHARS = 65_536;

    public OrderRequest {
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
        int l;
        try {
            l = level == null || level.isBlank() ? 1 : Integer.parseInt(level.strip());
        } catch (NumberFormatException e) {
            throw ServiceException.bad("ui.order.bad_level");
        }
        return new OrderRequest(l, ports, policy);
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
