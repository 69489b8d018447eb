/** The built-in checks, one class per family of misconfigurations. */
@NullMarked
package dev.vantage.check.builtin;

import org.jspecify.annotations.NullMarked;
