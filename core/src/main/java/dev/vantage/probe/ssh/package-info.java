/**
 * The client side of the SSH transport layer (RFC 4253), just far enough to inspect a server:
 * its identification line and KEXINIT (pure parsers), one key exchange with algorithms the JDK
 * provides (to read the host key and to reach the user-authentication service), and a "none"
 * authentication request that reveals the offered login methods. Host-key signatures are not
 * verified: nothing secret is ever sent, so there is nothing an impostor could learn.
 */
@NullMarked
package dev.vantage.probe.ssh;

import org.jspecify.annotations.NullMarked;
