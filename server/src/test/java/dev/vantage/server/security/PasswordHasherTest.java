package dev.vantage.server.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    @Test
    void owaspCostHashesAndVerifies() {
        PasswordHasher h = PasswordHasher.owaspDefaults();
        String hash = h.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(h.verify("correct horse battery staple", hash));
        assertFalse(h.verify("correct horse battery stapler", hash));
        assertNotEquals(hash, h.hash("correct horse battery staple"), "a fresh salt each time");
    }

    @Test
    void aKnownVectorFromTheReferenceImplementation() {
        // argon2 CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
        String known = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(new PasswordHasher(64, 1).verify("password", known));
        assertFalse(new PasswordHasher(64, 1).verify("passwort", known));
    }

    @Test
    void malformedOrHostileHashesNeverMatchAndNeverThrow() {
        PasswordHasher h = new PasswordHasher(64, 1);
        for (String bad : new String[] {"", "$", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "$argon2id$v=19$m=64,t=1,p=1$!!!$???",
                "$argon2id$v=19$m=64,t=1$c2FsdA$aGFzaA", "plaintext"}) {
            assertFalse(h.verify("password", bad), bad);
        }
        assertFalse(h.verify("x".repeat(10_000), h.hash("short")));
        assertEquals(false, h.verify("", h.hash("not empty")));
    }
}
