/**
 * The check service ({@code vantage serve}): accounts, targets with proof of control, orders run
 * by a worker through db-scheduler, reports and their history, schedules and notifications. The
 * web UI and the JSON API are two faces of the same services.
 */
@NullMarked
package dev.vantage.server;

import org.jspecify.annotations.NullMarked;
