/**
 * The fake prompts: one small state machine per protocol ({@link dev.vantage.tripwire.session.FakeService}),
 * talking to the client only through a {@link dev.vantage.tripwire.session.Conversation} that bounds
 * every read by time and size and keeps the transcript, with passwords cut out. Nothing a client
 * sends is ever interpreted beyond the prompts: no shell, no file, no relay, no mail DATA.
 */
@NullMarked
package dev.vantage.tripwire.session;

import org.jspecify.annotations.NullMarked;
