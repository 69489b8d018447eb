package dev.vantage.server.web;

import dev.vantage.assess.AssessedPort;
import dev.vantage.probe.Service;
import dev.vantage.report.diff.Change;
import dev.vantage.report.render.Printable;
import org.jspecify.annotations.Nullable;

/**
 * Text for the report page, from the assessed report and the diff. Text from scanned servers
 * (banners, products, evidence) is passed through {@link Printable#oneLine} (control and bidi
 * characters made visible, length bounded) before the template escapes it.
 */
public final class ReportView {
    private ReportView() {}

    public static String service(AssessedPort p, Page page) {
        Service s = p.port().service();
        String name = page.texts().serviceName(p.serviceKey());
        if (s == null || s.product() == null) return name;
        return name + " — " + Printable.oneLine(s.describe());
    }

    public static String state(AssessedPort p, Page page) {
        return page.texts().stateShort(p.port().state().label());
    }

    public static String evidence(String evidence) {
        return Printable.oneLine(evidence);
    }

    /** {@code +} answers now or a new finding, {@code -} gone or resolved, {@code ~} changed. */
    public static String sign(Change c) {
        return switch (c.kind()) {
            case PORT_NEW, FINDING_NEW -> "+";
            case PORT_GONE, FINDING_RESOLVED -> "−";
            default -> "~";
        };
    }

    public static String describe(Change c, Page page) {
        String what = page.t("diff." + c.kind().name().toLowerCase(java.util.Locale.ROOT));
        String values = switch (c.kind()) {
            case PORT_NEW, PORT_GONE, STATE -> arrow(state(c.before(), page), state(c.after(), page));
            case SERVICE -> arrow(clean(c.before()), clean(c.after()));
            case FINDING_NEW -> page.texts().findingTitle(String.valueOf(c.after()));
            case FINDING_RESOLVED -> page.texts().findingTitle(String.valueOf(c.before()));
            case RISK -> arrow(risk(c.before(), page), risk(c.after(), page));
        };
        return c.port() + "/" + c.protocol() + " — " + what + ": " + values;
    }

    private static String arrow(@Nullable String a, @Nullable String b) {
        return (a == null ? "—" : a) + " → " + (b == null ? "—" : b);
    }

    private static @Nullable String state(@Nullable String label, Page page) {
        return label == null ? null : page.texts().stateShort(label);
    }

    private static @Nullable String risk(@Nullable String label, Page page) {
        return label == null ? null : page.risk(label);
    }

    private static @Nullable String clean(@Nullable String s) {
        return s == null ? null : Printable.oneLine(s);
    }
}
