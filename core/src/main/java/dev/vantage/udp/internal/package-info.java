/** The UDP scanner's machinery; not API. */
@NullMarked
package dev.vantage.udp.internal;

import org.jspecify.annotations.NullMarked;
