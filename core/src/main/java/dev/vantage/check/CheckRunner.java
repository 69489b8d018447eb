package dev.vantage.check;

import dev.vantage.internal.Trace;
import dev.vantage.probe.Connection;
import dev.vantage.probe.Service;
import dev.vantage.target.Target;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the checks that apply to one identified service: those for its service name, at or below
 * the run's level, intrusive ones only when allowed. A check that fails to finish leaves a note
 * ("could not tell"), never a finding. Thread-safe.
 */
public final class CheckRunner {
    public record Outcome(List<Finding> findings, List<String> notes) {}

    private final List<Check> checks;
    private final CheckSettings settings;
    private final int level;
    private final boolean intrusive;

    public CheckRunner(List<Check> checks, CheckSettings settings, int level, boolean intrusive) {
        this.checks = List.copyOf(checks);
        this.settings = settings;
        this.level = level;
        this.intrusive = intrusive;
    }

    public boolean anyFor(Service service) {
        return checks.stream().anyMatch(c -> applies(c.info(), service));
    }

    private boolean applies(CheckInfo info, Service service) {
        return info.services().contains(service.name()) && info.level() <= level && (!info.intrusive() || intrusive);
    }

    public Outcome run(Target target, int port, Service service) {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Check check : checks) {
            if (!applies(check.info(), service)) continue;
            Context ctx = new Context(target, port, service, settings);
            long t = Trace.start();
            String outcome = "done";
            try {
                findings.addAll(check.run(ctx));
            } catch (IOException e) {
                notes.add(check.info().id() + ": could not finish (" + e.getMessage() + ")");
                outcome = "could not finish";
            } catch (RuntimeException e) {
                notes.add(check.info().id() + ": failed on an unexpected reply (" + e + ")");
                outcome = "failed";
            }
            Trace.done(t, "check " + target.addressText() + ":" + port + "/" + transport(service) + " " + check.info().id() + " " + outcome);
        }
        return new Outcome(findings, notes);
    }

    private static String transport(Service service) {
        return service.details().getOrDefault("transport", "tcp");
    }

    private record Context(Target target, int port, Service service, CheckSettings settings) implements CheckContext {
        @Override
        public Connection connect() throws IOException {
            Connection c = connectPlain();
            if (!service.tls()) return c;
            try {
                return c.startTls(null);
            } catch (IOException e) {
                c.close();
                throw e;
            }
        }

        @Override
        public Connection connectPlain() throws IOException {
            return Connection.open(address(), Duration.ofSeconds(5), Duration.ofSeconds(5), settings.budget());
        }
    }
}
