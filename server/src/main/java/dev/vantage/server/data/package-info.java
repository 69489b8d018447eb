/** The service's tables, one class each, with records for rows; plain SQL that runs on H2 and PostgreSQL. */
@NullMarked
package dev.vantage.server.data;

import org.jspecify.annotations.NullMarked;
