package io.hookbot.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Compares secrets in constant time, so response timing tells an attacker nothing about how much of a guess was right. */
public final class Secrets {

    private Secrets() {
    }

    /**
     * @param expected the configured secret
     * @param given    what the caller sent, or {@code null}
     * @return whether they are equal; digests are compared, so not even the length leaks
     */
    public static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
