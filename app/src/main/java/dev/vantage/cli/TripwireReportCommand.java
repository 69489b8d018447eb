package dev.vantage.cli;

import dev.vantage.BadInputException;
import dev.vantage.assess.KnowledgeBase;
import dev.vantage.assess.Lang;
import dev.vantage.report.render.Texts;
import dev.vantage.store.Store;
import dev.vantage.store.decoy.DecoyDao;
import dev.vantage.tripwire.report.AttackRecord;
import dev.vantage.tripwire.report.AttackRecords;
import dev.vantage.tripwire.report.HtmlAttackRecord;
import dev.vantage.tripwire.report.JsonAttackRecord;
import dev.vantage.tripwire.report.TextAttackRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code vantage tripwire report}: the attack record as text, JSON or a self-contained HTML page. */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Summarise what the tripwire recorded: attempts per port, per day and per source, first and last seen,",
                "user names tried, what clients sent first. The HTML page is meant for publishing (use --mask-sources)."})
final class TripwireReportCommand implements Callable<Integer> {
    enum Format { text, json, html }

    @Mixin
    TripwireCommand.StoreOptions store = new TripwireCommand.StoreOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only from then on: a date (2025-03-01, UTC), a time (2025-03-01T12:00:00Z) or an age (30d, 12h). Default: everything.")
    @Nullable String since;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    @Nullable Path output;

    @Option(names = "--mask-sources", description = "Show source addresses as 203.0.113.x (IPv6 as its /48), for publishing.")
    boolean maskSources;

    @Option(names = "--lang", paramLabel = "en|ja", defaultValue = "en", description = "Language of the labels. Default: ${DEFAULT-VALUE}.")
    String lang;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "How many sources, user names and first lines to list. Default: ${DEFAULT-VALUE}.")
    int top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TripwireCommand.quietLibraries();
        Lang language = Lang.parse(lang);
        if (top < 1 || top > 1000) throw new BadInputException("--top must be between 1 and 1000.");
        Instant now = Instant.now();
        Instant from = since == null ? null : parseSince(since, now);
        AttackRecord record;
        try (Store db = store.open(true)) {
            record = AttackRecords.read(new DecoyDao(db.jdbi()), from, now, top, maskSources);
        }
        Texts texts = new Texts(KnowledgeBase.builtin(), language);
        String rendered = switch (format) {
            case text -> TextAttackRecord.render(record, texts);
            case json -> JsonAttackRecord.render(record, texts);
            case html -> HtmlAttackRecord.render(record, texts);
        };
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(rendered);
            out.flush();
            return Main.EXIT_OK;
        }
        try (OutputTarget target = OutputTarget.open(output, OutputStream.nullOutputStream())) {
            target.stream().write(rendered.getBytes(StandardCharsets.UTF_8));
            target.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Main.EXIT_OK;
    }

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([dh])");

    /** A UTC date, an ISO instant, or an age before {@code now} (30d, 12h). */
    static Instant parseSince(String text, Instant now) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher age = AGE.matcher(t);
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            return now.minus(age.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n));
        }
        try {
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException("Cannot read --since '" + text + "'; give a date (2025-03-01), a time (2025-03-01T12:00:00Z)"
                    + " or an age (30d, 12h).");
        }
    }
}
