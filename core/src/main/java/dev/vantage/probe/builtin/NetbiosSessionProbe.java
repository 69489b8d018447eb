package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The NetBIOS session service on 139 (RFC 1002 §4.3): a session request to the generic name
 * {@code *SMBSERVER}. A positive answer opens an SMB session transport — then the SMB dialect is
 * negotiated as on 445; a negative answer still proves the service.
 */
public final class NetbiosSessionProbe implements ServiceProbe {
    @Override
    public ProbeInfo info() {
        return new ProbeInfo("netbios-ssn", "netbios-ssn", Set.of(139), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        c.write(sessionRequest("*SMBSERVER", "VANTAGE"));
        byte[] answer = c.readAvailable(8, DataProbes.firstReplyWait(this, c));
        Optional<Service> s = parse(answer);
        if (s.isEmpty() || !"positive".equals(s.get().details().get("session"))) return s;
        try {
            Optional<SmbWire.Negotiated> n = SmbWire.negotiate(c, DataProbes.LIKELY_PORT_WAIT);
            if (n.isPresent()) {
                return Optional.of(s.get().withDetail("dialect", n.get().dialect())
                        .withDetail("signing", n.get().signingRequired() ? "required" : "not required")
                        .withDetail("smb1", n.get().smb1() ? "chosen" : "not chosen"));
            }
        } catch (IOException e) {
            // the session answer already proved NetBIOS
        }
        return s;
    }

    /** A session request from {@code calling} to {@code called} (names encoded per RFC 1001 §14.1). */
    static byte[] sessionRequest(String called, String calling) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        encodeName(body, called, 0x20);
        encodeName(body, calling, 0x00);
        byte[] b = body.toByteArray();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {(byte) 0x81, 0, (byte) (b.length >> 8), (byte) b.length});
        m.writeBytes(b);
        return m.toByteArray();
    }

    private static void encodeName(ByteArrayOutputStream out, String name, int suffix) {
        byte[] raw = new byte[16];
        byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 15; i++) raw[i] = i < text.length ? text[i] : (byte) ' ';
        raw[15] = (byte) suffix;
        out.write(32);
        for (byte b : raw) {
            out.write('A' + ((b >> 4) & 0xf));
            out.write('A' + (b & 0xf));
        }
        out.write(0);
    }

    /** Recognises a session service answer; public for the corpus tests. */
    public static Optional<Service> parse(byte[] r) {
        if (r.length < 4 || (r[1] & 0xfe) != 0) return Optional.empty();
        int type = r[0] & 0xff;
        int len = ((r[1] & 0x01) << 16) | ((r[2] & 0xff) << 8) | (r[3] & 0xff);
        if (type == 0x82 && len == 0) {
            return Optional.of(Service.of("netbios-ssn", null, null, "positive session response").withDetail("session", "positive"));
        }
        if (type == 0x83 && len == 1 && r.length >= 5 && (r[4] & 0xff) >= 0x80 && (r[4] & 0xff) <= 0x8f) {
            return Optional.of(Service.of("netbios-ssn", null, null, "negative session response")
                    .withDetail("session", "negative").withDetail("error", String.format("0x%02x", r[4] & 0xff)));
        }
        if (type == 0x84 && len == 6) {
            return Optional.of(Service.of("netbios-ssn", null, null, "retarget session response").withDetail("session", "retarget"));
        }
        return Optional.empty();
    }
}
