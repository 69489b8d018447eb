/** Change notices after scheduled checks: e-mail through the operator's relay, webhooks held to the operator's ranges. */
@NullMarked
package dev.vantage.server.notify;

import org.jspecify.annotations.NullMarked;
