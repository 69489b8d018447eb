/** Small helpers shared by the stages (diagnostics). Not API. */
@NullMarked
package dev.vantage.internal;

import org.jspecify.annotations.NullMarked;
