package dev.vantage.report.render;

import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.assess.Risk;
import dev.vantage.assess.RiskStep;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every word a report shows, in one language, from the knowledge base: messages, risk and state
 * names, service and finding texts, the reasons behind a rating. Renderers never spell out a
 * user-facing string themselves. Messages take positional placeholders {@code {0}}, {@code {1}}
 * replaced literally (no MessageFormat, so apostrophes in texts need no quoting).
 */
public final class Texts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final KnowledgeBase kb;
    private final Lang lang;

    public Texts(KnowledgeBase kb, Lang lang) {
        this.kb = kb;
        this.lang = lang;
    }

    public Lang lang() {
        return lang;
    }

    public String msg(String key, Object... args) {
        String text = kb.message(key, lang);
        for (int i = 0; i < args.length; i++) text = text.replace("{" + i + "}", String.valueOf(args[i]));
        return text;
    }

    public String risk(Risk risk) {
        return msg("risk." + risk.label());
    }

    /** The long name of a port state ({@code open, refused by access rule}); {@code not-scanned} too. */
    public String state(String label) {
        return msg("state." + label);
    }

    /** The name of a state short enough for a table cell. */
    public String stateShort(String label) {
        return label.equals("open-restricted") ? msg("state_short.open-restricted") : state(label);
    }

    public String level(int level) {
        return level >= 1 && level <= 3 ? msg("level." + level) : String.valueOf(level);
    }

    public String when(Instant instant) {
        return WHEN.format(instant);
    }

    public Optional<KnowledgeBase.ServiceText> service(String key) {
        return kb.service(key).map(e -> e.in(lang));
    }

    /** The service's short name, e.g. "FTP (file transfer)"; the key itself when the KB lacks it. */
    public String serviceName(String key) {
        return service(key).map(KnowledgeBase.ServiceText::name).filter(n -> !n.isBlank()).orElse(key);
    }

    public Optional<KnowledgeBase.FindingText> finding(String id) {
        return kb.finding(id).map(e -> e.in(lang));
    }

    public String findingTitle(String id) {
        return finding(id).map(KnowledgeBase.FindingText::title).filter(t -> !t.isBlank()).orElse(id);
    }

    /** The checklist's texts for the given item ids, in the knowledge base's order. */
    public List<String> checklist(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (KnowledgeBase.ChecklistItem item : kb.checklist()) {
            if (ids.contains(item.id())) out.add(item.text().getOrDefault(lang, item.id()));
        }
        return out;
    }

    /** One sentence per step of the reasoning behind a port's stock rating. */
    public List<String> reasons(List<RiskStep> steps) {
        List<String> out = new ArrayList<>();
        for (RiskStep step : steps) {
            out.add(switch (step) {
                case RiskStep.ServiceDefault d -> msg("why.service_default", serviceName(d.service()), risk(d.risk()));
                case RiskStep.RaisedByFinding f -> msg("why.raised_by_finding", findingTitle(f.finding()), risk(f.risk()));
                case RiskStep.LoweredRestricted l -> msg("why.lowered_restricted", risk(l.risk()));
            });
        }
        return out;
    }
}
