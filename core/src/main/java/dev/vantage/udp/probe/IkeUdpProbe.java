package dev.vantage.udp.probe;

import dev.vantage.probe.Service;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeInfo;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IKE (IPsec VPN key exchange) on 500: the first message of an IKEv1 Main Mode offering a few
 * common proposals (what ike-scan sends), and an IKEv2 IKE_SA_INIT, together — a responder
 * answers one or the other with its choice or with a "no proposal chosen" notification. Either
 * answer echoes our SPI, which proves IKE. Vendor ID payloads name some implementations.
 */
public final class IkeUdpProbe implements UdpProbe {
    static final byte[] SPI_V1 = {'V', 'A', 'N', 'T', 'A', 'G', 'E', 1};
    static final byte[] SPI_V2 = {'V', 'A', 'N', 'T', 'A', 'G', 'E', 2};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> VENDOR_IDS = Map.of(
            "882fe56d6fd20dbc2251613b2ebe5beb", "strongSwan",
            "4048b7d56ebce88525e7de7f00d6c2d3", "Microsoft IKE fragmentation",
            "afcad71368a1f1c96b8696fc77570100", "Dead Peer Detection",
            "4a131c81070358455c5728f20e95452f", "NAT-T (RFC 3947)");

    @Override
    public UdpProbeInfo info() {
        return new UdpProbeInfo("isakmp", "isakmp", Set.of(500));
    }

    @Override
    public List<byte[]> requests() {
        return List.of(mainMode(), saInit());
    }

    // ---- IKEv1 Main Mode, message 1 ----

    private static byte[] mainMode() {
        List<byte[]> transforms = List.of(
                v1Transform(7, 256, 4, 14), v1Transform(7, 128, 2, 14), v1Transform(7, 128, 2, 2), v1Transform(5, 0, 2, 2));
        ByteArrayOutputStream proposal = new ByteArrayOutputStream();
        for (int i = 0; i < transforms.size(); i++) {
            byte[] t = transforms.get(i);
            t[0] = (byte) (i + 1 < transforms.size() ? 3 : 0);    // next payload: another transform, or none
            t[4] = (byte) (i + 1);                                // transform number
            proposal.writeBytes(t);
        }
        byte[] prop = payload(0, concat(new byte[] {1, 1, 0, (byte) transforms.size()}, proposal.toByteArray()));
        byte[] sa = payload(0, concat(new byte[] {0, 0, 0, 1, 0, 0, 0, 1}, prop));   // DOI IPsec, identity only
        return header(SPI_V1, 1, 0x10, 2, 0, sa);
    }

    private static byte[] v1Transform(int cipher, int keyBits, int hash, int group) {
        ByteArrayOutputStream attrs = new ByteArrayOutputStream();
        attr(attrs, 1, cipher);
        if (keyBits > 0) attr(attrs, 14, keyBits);
        attr(attrs, 2, hash);
        attr(attrs, 3, 1);               // pre-shared key
        attr(attrs, 4, group);
        attr(attrs, 11, 1);              // lifetime in seconds
        attr(attrs, 12, 28800);
        return payload(0, concat(new byte[] {0, 1, 0, 0}, attrs.toByteArray()));    // transform #, KEY_IKE
    }

    private static void attr(ByteArrayOutputStream out, int type, int value) {
        out.writeBytes(new byte[] {(byte) (0x80 | (type >> 8)), (byte) type, (byte) (value >> 8), (byte) value});
    }

    // ---- IKEv2 IKE_SA_INIT ----

    private static byte[] saInit() {
        byte[] encr = v2Transform(3, 1, 12, new byte[] {(byte) 0x80, 0x0e, 0x01, 0x00});     // AES-CBC-256
        byte[] prf = v2Transform(3, 2, 5, new byte[0]);                                        // HMAC-SHA2-256
        byte[] integ = v2Transform(3, 3, 12, new byte[0]);                                     // HMAC-SHA2-256-128
        byte[] dh = v2Transform(0, 4, 14, new byte[0]);                                        // MODP 2048
        byte[] proposal = concat(new byte[] {0, 0, 0, 0, 1, 1, 0, 4}, encr, prf, integ, dh);
        proposal[2] = (byte) (proposal.length >> 8);
        proposal[3] = (byte) proposal.length;
        byte[] sa = payload(34, proposal);
        byte[] key = new byte[256];
        RANDOM.nextBytes(key);
        byte[] ke = payload(40, concat(new byte[] {0, 14, 0, 0}, key));
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        byte[] ni = payload(0, nonce);
        return header(SPI_V2, 33, 0x20, 34, 0x08, concat(sa, ke, ni));
    }

    private static byte[] v2Transform(int last, int type, int id, byte[] attributes) {
        byte[] t = concat(new byte[] {(byte) last, 0, 0, 0, (byte) type, 0, (byte) (id >> 8), (byte) id}, attributes);
        t[2] = (byte) (t.length >> 8);
        t[3] = (byte) t.length;
        return t;
    }

    // ---- common ----

    private static byte[] payload(int next, byte[] body) {
        byte[] p = concat(new byte[] {(byte) next, 0, 0, 0}, body);
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        return p;
    }

    private static byte[] header(byte[] spi, int next, int version, int exchange, int flags, byte[] body) {
        byte[] h = new byte[28];
        System.arraycopy(spi, 0, h, 0, 8);
        h[16] = (byte) next;
        h[17] = (byte) version;
        h[18] = (byte) exchange;
        h[19] = (byte) flags;
        int len = 28 + body.length;
        h[24] = (byte) (len >> 24);
        h[25] = (byte) (len >> 16);
        h[26] = (byte) (len >> 8);
        h[27] = (byte) len;
        return concat(h, body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Override
    public Optional<Service> parse(byte[] r) {
        if (r.length < 28) return Optional.empty();
        byte[] spi = Arrays.copyOf(r, 8);
        int version = r[17] & 0xff;
        int exchange = r[18] & 0xff;
        boolean v1 = Arrays.equals(spi, SPI_V1) && version >> 4 == 1 && (exchange == 2 || exchange == 4 || exchange == 5);
        boolean v2 = Arrays.equals(spi, SPI_V2) && version >> 4 == 2 && (exchange == 34 || exchange == 37);
        if (!v1 && !v2) return Optional.empty();
        Service s = Service.of("isakmp", null, null, null).withDetail("ike_version", v1 ? "1" : "2");
        List<String> vendors = v1 ? vendorIds(r) : List.of();
        if (!vendors.isEmpty()) s = s.withDetail("vendor_ids", String.join(", ", vendors));
        return Optional.of(s);
    }

    /** The Vendor ID payloads of an IKEv1 message, named where known, in hex otherwise. */
    static List<String> vendorIds(byte[] r) {
        List<String> out = new ArrayList<>();
        try {
            int next = r[16] & 0xff;
            int at = 28;
            for (int i = 0; i < 32 && next != 0 && at + 4 <= r.length; i++) {
                int len = Wire.u16(r, at + 2);
                if (len < 4) break;
                if (next == 13 && len > 4) {
                    String hex = HexFormat.of().formatHex(Wire.slice(r, at + 4, Math.min(len - 4, 16)));
                    out.add(VENDOR_IDS.getOrDefault(hex, hex));
                }
                next = r[at] & 0xff;
                at += len;
            }
        } catch (Wire.Truncated e) {
            // keep what was read
        }
        return out;
    }
}
