package dev.vantage.tripwire.parse;

import java.util.Arrays;
import java.util.Optional;

/** The SASL responses of SMTP AUTH (RFC 4954): PLAIN ({@code authzid NUL authcid NUL passwd}) and LOGIN. */
public final class SmtpAuth {
    private SmtpAuth() {}

    /** A PLAIN initial response, base64 as sent. */
    public static Optional<Secret> plain(byte[] base64) {
        byte[] raw = Base64Text.decode(base64);
        if (raw == null) return Optional.empty();
        int first = indexOf(raw, 0);
        int second = first < 0 ? -1 : indexOf(raw, first + 1);
        if (first < 0 || second < 0) {
            Arrays.fill(raw, (byte) 0);
            return Optional.empty();
        }
        String user = Printable.field(Arrays.copyOfRange(raw, first + 1, second), 200);
        byte[] password = Arrays.copyOfRange(raw, second + 1, raw.length);
        Arrays.fill(raw, (byte) 0);
        return Optional.of(new Secret(user, password));
    }

    /** A LOGIN user name or password line: the decoded bytes, or the line itself when it is not base64. */
    public static byte[] loginValue(byte[] base64) {
        byte[] raw = Base64Text.decode(base64);
        return raw != null ? raw : base64.clone();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == 0) return i;
        return -1;
    }
}
