package io.hookbot.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for the platforms' dedupe keys, where a platform gives no event id and the identifying fields are hashed
 * instead. Stored keys depend on these exact functions: changing one would let a redelivery after an upgrade be
 * stored a second time.
 */
public final class Digests {

    private Digests() {
    }

    /**
     * @param value a string
     * @return the SHA-256 of its UTF-8 bytes
     */
    public static byte[] sha256(String value) {
        return sha256().digest(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param value a string
     * @return the SHA-256 of its UTF-8 bytes, as lower-case hex
     */
    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    /**
     * Hashes a list of fields so that no two different lists hash alike: each field is prefixed by its length in
     * bytes and a colon ({@code ["ab","c"]} and {@code ["a","bc"]} differ).
     *
     * @param fields the fields, none {@code null}
     * @return the SHA-256, as lower-case hex
     */
    public static String sha256HexOfFields(String... fields) {
        MessageDigest sha = sha256();
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
