package dev.vantage.cli;

import dev.vantage.report.JsonResultReader;
import dev.vantage.report.SavedResult;
import dev.vantage.report.render.Renderers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code vantage report RESULT.json}: render a saved result again, in any format and language. */
@Command(name = "report", usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = "Render a saved JSON result as text, html, pdf, xml or csv (assessed again with today's knowledge base).")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULT.json", description = "A result written by 'vantage check --format json'.")
    Path result;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, html, pdf, xml, csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--policy", paramLabel = "FILE", description = "Assess against this policy (names, intended exposure, your ratings).")
    Path policyFile;

    @Option(names = "--lang", paramLabel = "en|ja", description = "Report language. Default: the policy's, else en.")
    String lang;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    /** Where the tripwire's record is, for the policy's decoy ports (read only when the policy has decoys). */
    @picocli.CommandLine.Mixin
    TripwireCommand.StoreOptions tripwireStore = new TripwireCommand.StoreOptions();

    private final PrintStream out;

    ReportCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        var renderer = Renderers.require(format);
        Meaning meaning = Meaning.of(policyFile, lang);
        SavedResult saved = JsonResultReader.read(result);
        try (DecoyRecord decoys = DecoyRecord.open(meaning.policy(), tripwireStore); OutputTarget target = OutputTarget.open(output, out)) {
            // The same window as when the check ran: from the host's check before it up to its start.
            var assessor = meaning.assessor().withDecoys(decoys.activity(), saved.run().startedAt());
            renderer.render(saved.assess(assessor), meaning.kb(), meaning.lang(), target.stream());
            target.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Main.EXIT_OK;
    }
}
