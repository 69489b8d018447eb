/**
 * Security checks: one small class per misconfiguration family, each with a descriptor
 * ({@link dev.vantage.check.CheckInfo}: id, services, level, intrusive). Built-ins are listed in
 * {@link dev.vantage.check.CheckRegistry}; third parties add theirs through
 * {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.vantage.check;

import org.jspecify.annotations.NullMarked;
