/** The built-in probes, one class per protocol. */
@NullMarked
package dev.vantage.probe.builtin;

import org.jspecify.annotations.NullMarked;
