package io.hookbot.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for the platforms' dedupe keys, where a platform gives no event id and the identifying fields are hashed
 * instead. Stored keys depend on these exact functions: changing one would let a redelivery after an upgrade be
 * stored a second time.
 *
 * <p>A hashed key should be built with {@link #timeOrderedKey}: the event's own time comes first, so new keys land
 * next to each other at the end of the inbox's unique index instead of on a random page each. On the embedded H2,
 * which rewrites every index page a commit touches, a 200-entry Yalgaar call with bare hashes rewrote about 200
 * pages of that index; time-first keys made inserting such calls about twice as fast (docs/benchmarks.md).
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

    /**
     * A dedupe key for an event that has no id of its own: {@code <kind>:<seconds>:<hash>}, the event's time in Unix
     * seconds as 12 digits (so keys sort by time) and the first 128 bits of {@link #sha256HexOfFields} of the
     * identifying fields, in hex. The time must be the one the platform sent (a redelivery carries the same), never
     * the time of arrival.
     *
     * @param kind         the event kind, a short prefix such as {@code message}
     * @param epochSeconds the event's time as the platform sent it, in Unix seconds (0 when it sent none)
     * @param fields       the identifying fields, none {@code null}
     * @return the key
     */
    public static String timeOrderedKey(String kind, long epochSeconds, String... fields) {
        String seconds = Long.toString(Math.max(0, epochSeconds));
        return kind + ":" + "0".repeat(Math.max(0, 12 - seconds.length())) + seconds + ":"
                + sha256HexOfFields(fields).substring(0, 32);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
