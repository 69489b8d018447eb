/** The job queue (db-scheduler) and the worker that runs orders through {@code dev.vantage.Inspection}. */
@NullMarked
package dev.vantage.server.jobs;

import org.jspecify.annotations.NullMarked;
