package io.hookbot.channel;

import java.security.MessageDigest;

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
        return MessageDigest.isEqual(Digests.sha256(expected), Digests.sha256(given));
    }
}
