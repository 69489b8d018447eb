package dev.vantage.check;

import java.io.IOException;
import java.util.List;

/**
 * One family of security checks for one kind of service. Implementations are stateless and
 * thread-safe; {@link #run} is called on a virtual thread per port, bounded by the connections'
 * budgets. An {@link IOException} means "could not tell" and is reported as such, never as a
 * finding.
 */
public interface Check {
    CheckInfo info();

    List<Finding> run(CheckContext context) throws IOException;
}
