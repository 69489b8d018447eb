/** The result of a check run: hosts, their ports, services and findings, streamed to listeners. */
@NullMarked
package dev.vantage.result;

import org.jspecify.annotations.NullMarked;
