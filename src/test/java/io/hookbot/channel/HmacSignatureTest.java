package io.hookbot.channel;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared signature check: the published HMAC test vectors, hex in either case and Base64, a prefix, and a 401
 * naming the header for a call that is unsigned, signed twice, garbled or signed over another body or secret.
 */
class HmacSignatureTest {

    /** RFC 4231 and RFC 2202, test case 2. */
    private static final String KEY = "Jefe";
    private static final byte[] DATA = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
    private static final String SHA256 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    private static final String SHA1 = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";

    private static WebhookRequest call(byte[] body, Map<String, List<String>> headers) {
        return new WebhookRequest("application/json", body, Map.of(), headers);
    }

    private static WebhookRejection refused(HmacSignature signature, String secret, WebhookRequest request) {
        WebhookRejection rejection = assertThrows(WebhookRejection.class, () -> signature.verify(secret, request));
        assertEquals(401, rejection.status().getCode());
        assertEquals("unauthorized", rejection.error());
        return rejection;
    }

    @Test
    void signsAsThePublishedVectorsSay() {
        assertEquals(SHA256, HmacSignature.sha256Hex("X-Sig").sign(KEY, DATA));
        assertEquals(SHA1, HmacSignature.of("X-Sig", HmacSignature.Algorithm.SHA1, HmacSignature.Encoding.HEX)
                .sign(KEY, DATA));
        assertEquals("sha256=" + SHA256, HmacSignature.sha256Hex("X-Sig").withPrefix("sha256=").sign(KEY, DATA));
        assertEquals("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=",
                HmacSignature.of("X-Sig", HmacSignature.Algorithm.SHA256, HmacSignature.Encoding.BASE64).sign(KEY, DATA));
    }

    @Test
    void aMatchingSignatureIsAcceptedWhateverTheHeaderNamesOrHexDigitsCase() {
        HmacSignature signature = HmacSignature.sha256Hex("X-Sig").withPrefix("sha256=");
        assertDoesNotThrow(() -> signature.verify(KEY, call(DATA, Map.of("x-sig", List.of("sha256=" + SHA256)))));
        assertDoesNotThrow(() -> signature.verify(KEY, call(DATA, Map.of("X-SIG", List.of("SHA256=" + SHA256.toUpperCase())))));
        assertDoesNotThrow(() -> signature.verify(KEY, call(DATA, Map.of("X-Sig", List.of(" sha256=" + SHA256 + " ")))));
        HmacSignature base64 = HmacSignature.of("X-Sig", HmacSignature.Algorithm.SHA256, HmacSignature.Encoding.BASE64);
        assertDoesNotThrow(() -> base64.verify(KEY, call(DATA, Map.of("X-Sig",
                List.of("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM")))), "padding may be left out");
    }

    @Test
    void aMissingHeaderIsA401NamingIt() {
        WebhookRejection missing = refused(HmacSignature.sha256Hex("X-Sig"), KEY, call(DATA, Map.of()));
        assertEquals("the X-Sig header is missing: every call must carry the HmacSHA256 signature in hex of its body, "
                + "keyed with the channel's secret", missing.getMessage());
        WebhookRejection other = refused(HmacSignature.sha256Hex("X-Sig"), KEY,
                call(DATA, Map.of("X-Signature", List.of(SHA256))));
        assertTrue(other.getMessage().startsWith("the X-Sig header is missing"), other.getMessage());
    }

    @Test
    void aWrongSignatureIsA401NamingTheHeader() {
        HmacSignature signature = HmacSignature.sha256Hex("X-Sig").withPrefix("sha256=");
        String wrong = "the X-Sig header does not match the body signed with this channel's secret";
        assertEquals(wrong, refused(signature, "another secret",
                call(DATA, Map.of("X-Sig", List.of("sha256=" + SHA256)))).getMessage());
        assertEquals(wrong, refused(signature, KEY, call("what do ya want for nothing!".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Sig", List.of("sha256=" + SHA256)))).getMessage());
        assertEquals(wrong, refused(signature, KEY, call(DATA, Map.of("X-Sig", List.of("sha256=" + SHA1)))).getMessage(),
                "a shorter signature is compared too, and does not match");
    }

    @Test
    void aGarbledOrRepeatedHeaderIsA401() {
        HmacSignature signature = HmacSignature.sha256Hex("X-Sig").withPrefix("sha256=");
        String garbled = "the X-Sig header is not a 'sha256=' and the HmacSHA256 signature in hex";
        assertEquals(garbled, refused(signature, KEY, call(DATA, Map.of("X-Sig", List.of(SHA256)))).getMessage(),
                "the prefix is missing");
        assertEquals(garbled, refused(signature, KEY, call(DATA, Map.of("X-Sig", List.of("sha256=xyz")))).getMessage());
        assertEquals(garbled, refused(signature, KEY, call(DATA, Map.of("X-Sig", List.of("sha256=abc")))).getMessage(),
                "an odd number of hex digits");
        assertEquals("the X-Sig header is sent 2 times; a call carries one signature", refused(signature, KEY,
                call(DATA, Map.of("X-Sig", List.of("sha256=" + SHA256, "sha256=" + SHA256)))).getMessage());
    }
}
