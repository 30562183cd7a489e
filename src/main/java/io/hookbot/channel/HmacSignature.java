package io.hookbot.channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The check shared by platforms that sign their webhooks: an HMAC of the raw body, keyed with the channel's secret,
 * sent in one header, hex or Base64, optionally after a prefix ({@code sha256=}). The signature is decoded and then
 * compared with the expected one in constant time ({@link MessageDigest#isEqual}), so the answer's timing tells a
 * caller nothing about how much of a guess was right. A call without the header, with it twice, or with a signature
 * that does not match the body is a 401 naming the header; nothing of it is read.
 *
 * <p>A platform keeps one instance, as a constant, and calls {@link #verify} first in its
 * {@link Platform#read read}:
 * <pre>{@code
 * private static final HmacSignature SIGNATURE = HmacSignature.sha256Hex("X-Chat-Signature").withPrefix("sha256=");
 * ...
 * SIGNATURE.verify(channel.require("secret"), request);
 * }</pre>
 *
 * @see Secrets for a secret sent as it is
 */
public final class HmacSignature {

    /** The MAC the platform signs with. */
    public enum Algorithm {
        /** HMAC with SHA-256, what most platforms that sign use. */
        SHA256("HmacSHA256"),
        /** HMAC with SHA-1, which some older platforms still send. */
        SHA1("HmacSHA1");

        private final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }

        /** @return the algorithm's name in the JDK ({@code HmacSHA256}) */
        public String jcaName() {
            return jcaName;
        }
    }

    /** How the signature is written in the header. */
    public enum Encoding {
        /** Hex digits, either case. */
        HEX,
        /** Standard Base64, with or without padding. */
        BASE64
    }

    private final String header;
    private final Algorithm algorithm;
    private final Encoding encoding;
    private final String prefix;

    private HmacSignature(String header, Algorithm algorithm, Encoding encoding, String prefix) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("a signature needs the name of the header it is sent in");
        }
        this.header = header;
        this.algorithm = algorithm;
        this.encoding = encoding;
        this.prefix = prefix;
    }

    /**
     * @param header    the header the platform sends the signature in
     * @param algorithm the MAC
     * @param encoding  how the signature is written
     * @return the check, without a prefix
     */
    public static HmacSignature of(String header, Algorithm algorithm, Encoding encoding) {
        return new HmacSignature(header, algorithm, encoding, "");
    }

    /**
     * @param header the header the platform sends the signature in
     * @return an HmacSHA256 signature written in hex, the most common kind
     */
    public static HmacSignature sha256Hex(String header) {
        return of(header, Algorithm.SHA256, Encoding.HEX);
    }

    /**
     * @param prefix what the header's value starts with before the signature ({@code sha256=}), matched without
     *               regard to case
     * @return the same check, expecting the prefix
     */
    public HmacSignature withPrefix(String prefix) {
        return new HmacSignature(header, algorithm, encoding, prefix == null ? "" : prefix);
    }

    /** @return the header the signature is sent in */
    public String header() {
        return header;
    }

    /**
     * Checks a call's signature.
     *
     * @param secret  the channel's secret, the HMAC's key
     * @param request the call
     * @throws WebhookRejection a 401 naming the header, when it is missing, sent more than once, not a signature of
     *                          this kind, or not the body's signature with this secret
     */
    public void verify(String secret, WebhookRequest request) throws WebhookRejection {
        List<String> values = request.headerValues(header);
        if (values.isEmpty()) {
            throw WebhookRejection.unauthorized("the " + header + " header is missing: every call must carry the "
                    + describe() + " of its body, keyed with the channel's secret");
        }
        if (values.size() > 1) {
            throw WebhookRejection.unauthorized("the " + header + " header is sent " + values.size()
                    + " times; a call carries one signature");
        }
        byte[] given = decode(values.get(0).trim());
        if (given == null) {
            throw WebhookRejection.unauthorized("the " + header + " header is not a " + describe());
        }
        if (!MessageDigest.isEqual(mac(secret, request.body()), given)) {
            throw WebhookRejection.unauthorized("the " + header + " header does not match the body signed with this "
                    + "channel's secret");
        }
    }

    /**
     * @param secret the key
     * @param body   the body
     * @return the header's value for that body: what the platform sends, for a sender that signs or for a test
     */
    public String sign(String secret, byte[] body) {
        byte[] mac = mac(secret, body);
        return prefix + (encoding == Encoding.HEX ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac));
    }

    private String describe() {
        return (prefix.isEmpty() ? "" : "'" + prefix + "' and the ") + algorithm.jcaName() + " signature in "
                + (encoding == Encoding.HEX ? "hex" : "Base64");
    }

    /** @return the signature's bytes, or {@code null} when the value is not of this kind */
    private byte[] decode(String value) {
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        String signature = value.substring(prefix.length());
        try {
            return encoding == Encoding.HEX ? HexFormat.of().parseHex(signature.toLowerCase(Locale.ROOT))
                    : Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm.jcaName()));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // both algorithms are ones every JDK must have
            throw new IllegalStateException("no " + algorithm.jcaName() + " in this JDK", e);
        }
    }
}
