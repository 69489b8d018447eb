/** Secrets and digests, Argon2id passwords, rate limits, and the operator's allowed and denied ranges. */
@NullMarked
package dev.vantage.server.security;

import org.jspecify.annotations.NullMarked;
