package dev.vantage.tripwire.parse;

import java.io.ByteArrayOutputStream;

/**
 * The text a TELNET client typed, without the protocol's commands (RFC 854): IAC sequences
 * (option negotiation, subnegotiation up to IAC SE, two-byte commands) are dropped, IAC IAC is a
 * literal 0xFF, and line terminators (CR, LF, NUL) are removed.
 */
public final class TelnetText {
    static final int IAC = 0xff;
    static final int SB = 250;
    static final int SE = 240;
    static final int WILL = 251;
    static final int DONT = 254;

    private TelnetText() {}

    public static byte[] strip(byte[] in) {
        return strip(in, false);
    }

    /** Without the protocol's commands but with line breaks, for showing a transcript's first line. */
    public static byte[] withoutCommands(byte[] in) {
        return strip(in, true);
    }

    private static byte[] strip(byte[] in, boolean keepLineBreaks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            int b = in[i] & 0xff;
            if (b != IAC) {
                if (keepLineBreaks ? b != 0 : b != '\r' && b != '\n' && b != 0) out.write(b);
                i++;
                continue;
            }
            if (i + 1 >= in.length) break;                       // a lone IAC at the end
            int cmd = in[i + 1] & 0xff;
            if (cmd == IAC) {
                out.write(IAC);
                i += 2;
            } else if (cmd >= WILL && cmd <= DONT) {
                i += 3;                                           // IAC WILL/WONT/DO/DONT option
            } else if (cmd == SB) {
                i = afterSubnegotiation(in, i + 2);
            } else {
                i += 2;                                           // IAC NOP, IAC AYT, ...
            }
        }
        return out.toByteArray();
    }

    /** The index after the IAC SE that ends a subnegotiation, or the end of the input. */
    private static int afterSubnegotiation(byte[] in, int from) {
        for (int j = from; j + 1 < in.length; j++) {
            if ((in[j] & 0xff) == IAC && (in[j + 1] & 0xff) == SE) return j + 2;
        }
        return in.length;
    }
}
