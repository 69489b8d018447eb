package dev.vantage.udp.probe;

import dev.vantage.probe.Service;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeInfo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * TFTP on 69: a read request (RFC 1350) for a made-up file name that cannot exist. A server
 * answers with an ERROR ("file not found", "access violation") — or, if it serves anything it is
 * asked for, the first DATA block. Nothing is written. TFTP servers answer from a new port, so
 * the scanner listens for any port of the address after a silent connected attempt.
 */
public final class TftpUdpProbe implements UdpProbe {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public UdpProbeInfo info() {
        return new UdpProbeInfo("tftp", "tftp", Set.of(69));
    }

    @Override
    public boolean answersFromAnotherPort() {
        return true;
    }

    @Override
    public List<byte[]> requests() {
        byte[] nonce = new byte[6];
        RANDOM.nextBytes(nonce);
        return List.of(readRequest("vantage-" + HexFormat.of().formatHex(nonce) + ".none"));
    }

    static byte[] readRequest(String file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(1);
        out.writeBytes(file.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeBytes("octet".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        return out.toByteArray();
    }

    @Override
    public Optional<Service> parse(byte[] r) {
        if (r.length < 4 || r[0] != 0) return Optional.empty();
        int opcode = r[1] & 0xff;
        if (opcode == 5) {                                   // ERROR: code, message, NUL
            int code = Wire.u16(r, 2);
            if (code > 8) return Optional.empty();
            int end = 4;
            while (end < r.length && end < 4 + 512 && r[end] != 0) end++;
            if (end >= r.length) return Optional.empty();  // the message must be NUL-terminated
            String message = Wire.printable(new String(r, 4, end - 4, StandardCharsets.ISO_8859_1), 120);
            return Optional.of(Service.of("tftp", null, null, message.isEmpty() ? null : message)
                    .withDetail("error_code", String.valueOf(code)));
        }
        if (opcode == 3 && Wire.u16(r, 2) == 1 && r.length <= 4 + 65_464) {   // DATA block 1
            return Optional.of(Service.of("tftp", null, null, null).withDetail("serves_any_name", "true"));
        }
        if (opcode == 6) return Optional.of(Service.of("tftp", null, null, null));   // OACK
        return Optional.empty();
    }
}
