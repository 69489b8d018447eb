/** What the UI and the API share: accounts, sessions, targets, orders, reports, schedules; refusals as {@code ServiceException}. */
@NullMarked
package dev.vantage.server.service;

import org.jspecify.annotations.NullMarked;
