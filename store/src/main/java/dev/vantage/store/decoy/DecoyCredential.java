package dev.vantage.store.decoy;

import org.jspecify.annotations.Nullable;

/**
 * A login tried at a fake prompt. The password is never kept: only its SHA-256 under the
 * installation's salt, and its length in bytes.
 *
 * @param user           the user name as sent (control bytes escaped), possibly empty
 * @param passwordSha256 hex SHA-256 of salt and password, or null when no password was sent
 * @param passwordLength length of the password in bytes, or -1 when no password was sent
 */
public record DecoyCredential(String user, @Nullable String passwordSha256, int passwordLength) {
    public DecoyCredential {
        if (passwordSha256 != null && !passwordSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a hex SHA-256: refusing to store it as a password hash");
        }
    }

    public static DecoyCredential userOnly(String user) {
        return new DecoyCredential(user, null, -1);
    }
}
