/**
 * What it means: the knowledge base (function, threats, risk, advice of every service and
 * finding, in English and Japanese), the owner's policy (intended exposure, risk overrides with
 * notes), and the assessment that joins them with what the scan found.
 */
@NullMarked
package dev.vantage.assess;

import org.jspecify.annotations.NullMarked;
