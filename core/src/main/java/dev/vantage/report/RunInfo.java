package dev.vantage.report;

import java.time.Instant;

/** What was asked for, recorded with every result so a saved result explains itself. */
public record RunInfo(String commandLine, int level, String ports, Instant startedAt, String version) {}
