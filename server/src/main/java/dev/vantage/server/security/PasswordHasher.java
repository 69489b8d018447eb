package dev.vantage.server.security;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), computed by Bouncy Castle in pure Java.
 * The default cost is OWASP's minimum recommendation (19 MiB, 2 passes, 1 lane). Each hash
 * takes that much memory, so at most {@value #CONCURRENT} are computed at once: a burst of
 * logins queues instead of exhausting the heap. Stored hashes carry their own parameters, so the
 * cost can be raised later without invalidating old ones.
 */
public final class PasswordHasher {
    public static final int MAX_PASSWORD_CHARS = 256;
    private static final int CONCURRENT = 4;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final Semaphore slots = new Semaphore(CONCURRENT, true);
    /** Verified against when an account does not exist, so a login takes as long either way. */
    private final String dummy;

    public PasswordHasher(int memoryKib, int iterations) {
        if (memoryKib < 8 || iterations < 1) throw new IllegalArgumentException("Argon2 cost too low");
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.dummy = hash("not a password, only a timing equaliser");
    }

    public static PasswordHasher owaspDefaults() {
        return new PasswordHasher(19_456, 2);
    }

    public String hash(String password) {
        byte[] salt = Secrets.randomBytes(SALT_BYTES);
        byte[] out = compute(password, salt, memoryKib, iterations, 1);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** Whether the password matches the stored hash; false for any malformed hash. */
    public boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) return false;
        try {
            int m = 0, t = 0, p = 0;
            for (String kv : parts[3].split(",")) {
                String[] pair = kv.split("=", 2);
                int v = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> m = v;
                    case "t" -> t = v;
                    case "p" -> p = v;
                    default -> { return false; }
                }
            }
            if (m < 8 || m > 1 << 20 || t < 1 || t > 20 || p < 1 || p > 8) return false;
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            if (expected.length < 16 || expected.length > 64) return false;
            byte[] actual = compute(password, salt, m, t, p, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    /** Spends the same time as a real verification, for logins with an unknown e-mail address. */
    public void verifyDummy(String password) {
        verify(password, dummy);
    }

    private byte[] compute(String password, byte[] salt, int m, int t, int p) {
        return compute(password, salt, m, t, p, HASH_BYTES);
    }

    private byte[] compute(String password, byte[] salt, int m, int t, int p, int length) {
        if (password.length() > MAX_PASSWORD_CHARS) throw new IllegalArgumentException("password too long");
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m).withIterations(t).withParallelism(p).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        slots.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            slots.release();
        }
        return out;
    }
}
