package dev.vantage.cli;

import dev.vantage.BadInputException;
import dev.vantage.assess.KnowledgeBase;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Entry point: {@code vantage <command> ...}. Exit codes are documented in the README. */
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    /** Exit codes a script can rely on. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_FINDINGS = 3;

    private final CommandSpec spec;

    private Main(CommandLine.IFactory factory) {
        spec = CommandSpec.wrapWithoutInspection(this, factory);   // not picocli's default factory: see CheckCommand.spec
    }

    public static void main(String[] args) {
        PhaseTimer.mark("JVM start to main");
        if (args.length > 0 && (args[0].equals("check") || args[0].equals("report") || args[0].equals("diff"))) {
            preload();
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = execute(args, out, err);
        out.flush();
        PhaseTimer.mark("command done");
        PhaseTimer.report(err);
        System.exit(code);
    }

    /**
     * Parses the knowledge base (a few hundred kilobytes of YAML, a tenth of a second or more in a
     * fresh JVM) on a second thread, and links the scanner's native calls on a third, while this
     * one parses the command line; whoever needs them first waits for the rest. A failure here is
     * left for that caller to meet again and report.
     */
    private static void preload() {
        Thread.ofPlatform().daemon().name("vantage-native").start(dev.vantage.scan.TcpScanner::prepare);
        Thread.ofPlatform().daemon().name("vantage-kb").start(() -> {
            try {
                KnowledgeBase.builtin();
            } catch (RuntimeException | Error ignored) {
                // the command's own use of the knowledge base reports it
            }
        });
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli;
        try {
            cli = commandLine(args, new Factory(out, err));
            PhaseTimer.mark("command line model");
        } catch (Exception e) {
            err.println("vantage: internal error: " + e);
            return EXIT_ERROR;
        }
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((ex, argv) -> {
            err.println("vantage: " + BadInputException.readable(String.valueOf(ex.getMessage())));   // it repeats the input
            CommandLine sub = ex.getCommandLine();
            err.println("Try '" + sub.getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInputException) {
                err.println("vantage: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            err.println("vantage: internal error: " + ex);
            if (Boolean.getBoolean("vantage.debug")) ex.printStackTrace(err);
            return EXIT_ERROR;
        });
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {   // last resort: never a stack trace for the user
            err.println("vantage: internal error: " + e);
            return EXIT_ERROR;
        }
    }

    /** The subcommands, in the order the help lists them. */
    private static final List<Map.Entry<String, Class<?>>> COMMANDS = List.of(
            Map.entry("check", CheckCommand.class), Map.entry("report", ReportCommand.class),
            Map.entry("diff", DiffCommand.class), Map.entry("serve", ServeCommand.class),
            Map.entry("worker", WorkerCommand.class), Map.entry("tripwire", TripwireCommand.class));

    /**
     * The command line with its subcommands. Picocli builds an annotated command's model by
     * reflection over its options, loading every class they name (the web server's, the
     * database's); a run that names its command gets that one alone, which takes a tenth of a
     * second or more off its start. Without a known command name (help, a typo) every command is
     * there, for the help text and the error message. This command's own model and the check
     * command's are built directly (see {@link CheckCommand}): the check is the one run often and
     * expected to be quick, and the first annotated model a JVM builds pays for picocli's and
     * the reflection's warm-up.
     */
    private static CommandLine commandLine(String[] args, Factory factory) throws Exception {
        Main main = new Main(factory);
        CommandSpec spec = main.spec;
        spec.name("vantage").versionProvider(new Version());
        spec.usageMessage().description("An outside-in security check of the servers you run.");
        // What picocli's mixinStandardHelpOptions adds, without reading its annotated mixin class.
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
        CommandLine cli = new CommandLine(spec, factory);
        PhaseTimer.mark("command line model: vantage");
        String first = args.length > 0 ? args[0] : "";
        boolean named = COMMANDS.stream().anyMatch(c -> c.getKey().equals(first));
        for (Map.Entry<String, Class<?>> c : COMMANDS) {
            if (named && !c.getKey().equals(first)) continue;
            if (c.getValue() == CheckCommand.class) {
                cli.addSubcommand(c.getKey(), new CommandLine(CheckCommand.spec(factory.create(CheckCommand.class), factory), factory));
            } else {
                cli.addSubcommand(c.getKey(), factory.create(c.getValue()));
            }
        }
        if (!named) cli.addSubcommand("help", new CommandLine.HelpCommand());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Hands the process's streams to commands, so tests can run them in-process. */
    private record Factory(PrintStream out, PrintStream err) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == CheckCommand.class) return type.cast(new CheckCommand(out, err));
            if (type == ReportCommand.class) return type.cast(new ReportCommand(out));
            if (type == DiffCommand.class) return type.cast(new DiffCommand(out));
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vantage " + VERSION, "Java " + Runtime.version()};
        }
    }
}
