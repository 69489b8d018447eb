/** Proof of control of a host (own address, DNS TXT, HTTP token), names, and a client pinned to checked addresses. */
@NullMarked
package dev.vantage.server.proof;

import org.jspecify.annotations.NullMarked;
