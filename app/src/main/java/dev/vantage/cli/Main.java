package dev.vantage.cli;

import dev.vantage.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: {@code vantage <command> ...}. Exit codes are documented in the README. */
@Command(name = "vantage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An outside-in security check of the servers you run.",
        subcommands = {CheckCommand.class, ReportCommand.class, DiffCommand.class, ServeCommand.class, WorkerCommand.class, TripwireCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    /** Exit codes a script can rely on. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_FINDINGS = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = execute(args, out, err);
        out.flush();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main(), new Factory(out, err));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((ex, argv) -> {
            err.println("vantage: " + ex.getMessage());
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
