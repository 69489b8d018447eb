/**
 * The database: one {@link dev.vantage.store.Store} opened from a JDBC URL (an H2 file under the
 * data directory by default, PostgreSQL for several workers or vantage points), its schema
 * brought up to date by Flyway from {@code db/migration/} on the class path, and read and written
 * through Jdbi. Feature packages ({@code decoy} for the tripwire, more to come for the web
 * service) keep their own tables, migrations and data-access classes next to each other.
 */
@NullMarked
package dev.vantage.store;

import org.jspecify.annotations.NullMarked;
