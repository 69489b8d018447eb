package dev.vantage.tripwire.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the installation's salt and a password: equal passwords get equal hashes within
 * one installation (so repeated tries can be counted), and precomputed tables do not apply.
 * A weak password can still be guessed from its hash; the record therefore never leaves the
 * owner's machine with hashes unless the owner decides so (reports show none).
 */
public final class PasswordHasher {
    private final byte[] salt;

    public PasswordHasher(byte[] salt) {
        if (salt.length < 16) throw new IllegalArgumentException("salt shorter than 16 bytes");
        this.salt = salt.clone();
    }

    /** Hex SHA-256 of salt and password. */
    public String hash(byte[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(password);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
