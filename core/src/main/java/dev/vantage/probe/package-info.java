/**
 * Identification: what answers on each open port. A {@link dev.vantage.probe.ServiceProbe} is a
 * small class with a descriptor; the {@link dev.vantage.probe.ServiceIdentifier} reads the
 * greeting once and asks the probes, most likely first. Built-ins are listed in
 * {@link dev.vantage.probe.ProbeRegistry}; third parties add theirs through
 * {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.vantage.probe;

import org.jspecify.annotations.NullMarked;
