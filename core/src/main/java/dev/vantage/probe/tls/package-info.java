/**
 * TLS without the JDK's protocol policy: hand-built ClientHellos for SSL 2.0 to TLS 1.2 (the JDK
 * refuses to speak the old versions, so it cannot tell whether a server still does), a pure
 * parser of what the server answers (ServerHello, Certificate, Alert), and STARTTLS for the mail
 * and file protocols so every check can reach TLS the same way.
 */
@NullMarked
package dev.vantage.probe.tls;

import org.jspecify.annotations.NullMarked;
