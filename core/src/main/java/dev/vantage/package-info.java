/**
 * Vantage core: an outside-in check of the services a host exposes. Packages follow the data
 * flow: {@code target} (what to check) → {@code scan} (which ports answer) → later stages.
 */
@NullMarked
package dev.vantage;

import org.jspecify.annotations.NullMarked;
