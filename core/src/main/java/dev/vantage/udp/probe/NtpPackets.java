package dev.vantage.udp.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NTP packets: the ordinary client request (mode 3) and server reply (mode 4, RFC 5905); the
 * control query READVAR (mode 6, RFC 1305 appendix B / RFC 9327) that ntpq sends; and ntpd's
 * private MON_GETLIST request (mode 7, "monlist"). Parsers are pure and bounded.
 */
public final class NtpPackets {
    private static final Pattern VARIABLE = Pattern.compile("([A-Za-z_][\\w.]*)=(\"[^\"]*\"|[^,]*)");
    /** ntpd's mode 7 request code for the monitor list (MON_GETLIST_1), and the older one. */
    public static final int MON_GETLIST_1 = 42;
    public static final int MON_GETLIST = 20;
    /** Mode 7 implementation numbers: XNTPD and the older XNTPD_OLD. */
    public static final int IMPL_XNTPD = 3;
    public static final int IMPL_XNTPD_OLD = 2;

    private NtpPackets() {}

    /** A client request, version 4, as an unsynchronised client sends it (48 bytes). */
    public static byte[] clientRequest() {
        byte[] p = new byte[48];
        p[0] = (byte) 0xe3;          // LI 3 (unsynchronised), VN 4, mode 3
        p[2] = 4;                    // poll 16 s
        p[3] = (byte) 0xfa;          // precision
        p[40] = 0x56;                // transmit timestamp: any value the server echoes
        p[41] = 0x54;
        return p;
    }

    /** A server's reply to a client request. */
    public record ServerReply(int leap, int version, int mode, int stratum, String refid) {
        public boolean synchronised() {
            return leap != 3 && stratum > 0 && stratum < 16;
        }
    }

    public static Optional<ServerReply> parseServerReply(byte[] r) {
        if (r.length < 48) return Optional.empty();
        int b0 = r[0] & 0xff;
        int mode = b0 & 7;
        int version = (b0 >> 3) & 7;
        if ((mode != 4 && mode != 5) || version < 1 || version > 4) return Optional.empty();
        int stratum = r[1] & 0xff;
        String refid;
        if (stratum <= 1) {
            refid = Wire.printable(new String(r, 12, 4, StandardCharsets.ISO_8859_1), 4);
        } else {
            refid = (r[12] & 0xff) + "." + (r[13] & 0xff) + "." + (r[14] & 0xff) + "." + (r[15] & 0xff);
        }
        return Optional.of(new ServerReply(b0 >> 6, version, mode, stratum, refid));
    }

    // ---- mode 6 ----

    /** A READVAR control request for the system variables (association 0). */
    public static byte[] readVariables(int sequence) {
        return new byte[] {0x16, 0x02, (byte) (sequence >> 8), (byte) sequence, 0, 0, 0, 0, 0, 0, 0, 0};
    }

    /** One mode 6 response fragment. */
    public record ControlFragment(int opcode, boolean error, boolean more, int sequence, int status,
                                  int offset, byte[] data) {
        public ControlFragment {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    public static Optional<ControlFragment> parseControl(byte[] r) {
        try {
            if (r.length < 12 || (r[0] & 7) != 6) return Optional.empty();
            int b1 = r[1] & 0xff;
            if ((b1 & 0x80) == 0) return Optional.empty();          // not a response
            int count = Wire.u16(r, 10);
            byte[] data = Wire.slice(r, 12, Math.min(count, r.length - 12));
            return Optional.of(new ControlFragment(b1 & 0x1f, (b1 & 0x40) != 0, (b1 & 0x20) != 0,
                    Wire.u16(r, 2), Wire.u16(r, 4), Wire.u16(r, 8), data));
        } catch (Wire.Truncated e) {
            return Optional.empty();
        }
    }

    /** Joins the fragments of a READVAR answer (in offset order) and reads its {@code name=value} list. */
    public static Map<String, String> variables(List<ControlFragment> fragments) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        fragments.stream().filter(f -> !f.error()).sorted(java.util.Comparator.comparingInt(ControlFragment::offset))
                .forEach(f -> text.writeBytes(f.data()));
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(text.toString(StandardCharsets.ISO_8859_1));
        while (m.find() && vars.size() < 128) {
            String v = m.group(2).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
            vars.put(m.group(1), Wire.printable(v, 200));
        }
        return vars;
    }

    // ---- mode 7 ----

    /** A MON_GETLIST request ("monlist") in ntpd's private mode 7, 8 header bytes and 40 of zero data. */
    public static byte[] monlistRequest(int implementation, int requestCode) {
        byte[] p = new byte[48];
        p[0] = 0x17;                 // response 0, more 0, VN 2, mode 7
        p[1] = 0;                    // auth 0, sequence 0
        p[2] = (byte) implementation;
        p[3] = (byte) requestCode;
        return p;
    }

    /**
     * A mode 7 response.
     *
     * @param errorCode 0 when the request was served; 1 implementation, 2 request, 4 no data, 7 authentication
     * @param items     how many data items the packet carries (monitor entries for monlist)
     */
    public record PrivateResponse(int implementation, int requestCode, int errorCode, int items, int itemSize, boolean more) {}

    public static Optional<PrivateResponse> parsePrivate(byte[] r) {
        if (r.length < 8) return Optional.empty();
        int b0 = r[0] & 0xff;
        if ((b0 & 7) != 7 || (b0 & 0x80) == 0) return Optional.empty();
        int errItems = Wire.u16(r, 4);
        int size = Wire.u16(r, 6) & 0x0fff;
        return Optional.of(new PrivateResponse(r[2] & 0xff, r[3] & 0xff, errItems >> 12, errItems & 0x0fff, size,
                (b0 & 0x40) != 0));
    }
}
