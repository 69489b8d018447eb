package dev.vantage.tripwire.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The user and password of an HTTP {@code Authorization: Basic} value (RFC 7617). */
public final class HttpBasic {
    private HttpBasic() {}

    /** {@code credentials} is what follows the scheme, e.g. {@code cm9vdDphZG1pbg==}. */
    public static Optional<Secret> decode(byte[] credentials) {
        byte[] raw = Base64Text.decode(credentials);
        if (raw == null) return Optional.empty();
        int colon = -1;
        for (int i = 0; i < raw.length; i++) if (raw[i] == ':') { colon = i; break; }
        if (colon < 0) return Optional.of(new Secret(Printable.field(raw, 200), new byte[0]));
        String user = Printable.field(Arrays.copyOfRange(raw, 0, colon), 200);
        byte[] password = Arrays.copyOfRange(raw, colon + 1, raw.length);
        Arrays.fill(raw, (byte) 0);
        return Optional.of(new Secret(user, password));
    }

    public static Optional<Secret> decode(String credentials) {
        return decode(credentials.getBytes(StandardCharsets.ISO_8859_1));
    }
}
