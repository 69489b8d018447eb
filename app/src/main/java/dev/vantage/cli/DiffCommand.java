package dev.vantage.cli;

import dev.vantage.BadInputException;
import dev.vantage.assess.Assessor;
import dev.vantage.report.JsonResultReader;
import dev.vantage.report.diff.DiffJsonWriter;
import dev.vantage.report.diff.DiffTextRenderer;
import dev.vantage.report.diff.ReportDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code vantage diff OLD.json NEW.json}: what changed between two checks. */
@Command(name = "diff", usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = "Show new, gone and changed ports, services, findings and risks between two saved results.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no difference", "2:bad input", "4:the results differ"})
final class DiffCommand implements Callable<Integer> {
    static final int EXIT_DIFFERENT = 4;

    @Parameters(index = "0", paramLabel = "OLD.json")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW.json")
    Path newer;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--policy", paramLabel = "FILE", description = "Assess both against this policy.")
    Path policyFile;

    @Option(names = "--lang", paramLabel = "en|ja", description = "Language of the text form. Default: en.")
    String lang;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    private final PrintStream out;

    DiffCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) throw new BadInputException("--format for diff is text or json.");
        Meaning meaning = Meaning.of(policyFile, lang);
        Assessor assessor = meaning.assessor();
        ReportDiff diff = ReportDiff.between(JsonResultReader.read(older).assess(assessor), JsonResultReader.read(newer).assess(assessor));
        try (OutputTarget target = OutputTarget.open(output, out)) {
            if (f.equals("json")) DiffJsonWriter.write(diff, target.stream());
            else DiffTextRenderer.render(diff, meaning.kb(), meaning.lang(), target.stream());
            target.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return diff.isEmpty() ? Main.EXIT_OK : EXIT_DIFFERENT;
    }
}
