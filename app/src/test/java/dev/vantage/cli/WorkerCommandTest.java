package dev.vantage.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vantage worker}: bad options end with exit 2 and one sentence, before any database is opened. */
class WorkerCommandTest {
    @Test
    void anEmbeddedDatabaseIsRefused() {
        CliRun r = CliRun.of("worker", "--db", "jdbc:h2:file:/tmp/nowhere/vantage", "--vantage", "outside");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("PostgreSQL"), r.err());
    }

    @Test
    void aBadVantageNameOrJobCountIsRefused() {
        CliRun name = CliRun.of("worker", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--vantage", "out side");
        assertEquals(2, name.exitCode(), name.err());
        assertTrue(name.err().contains("--vantage"), name.err());
        CliRun jobs = CliRun.of("worker", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--vantage", "outside", "--jobs", "0");
        assertEquals(2, jobs.exitCode(), jobs.err());
        assertTrue(jobs.err().contains("--jobs"), jobs.err());
    }

    @Test
    void theVantageIsRequired() {
        CliRun r = CliRun.of("worker", "--db", "jdbc:postgresql://127.0.0.1:1/x");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--vantage"), r.err());
    }
}
