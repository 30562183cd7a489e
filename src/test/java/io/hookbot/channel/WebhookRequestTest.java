package io.hookbot.channel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A call's headers are found whatever the case of their names, with every value they were sent with. */
class WebhookRequestTest {

    @Test
    void headersAreLookedUpWithoutRegardToCaseAndKeepEveryValue() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("X-Signature", List.of("abc"));
        sent.put("Accept", List.of("text/plain", "application/json"));
        sent.put("accept", List.of("*/*"));
        sent.put("X-Empty", List.of());
        sent.put("X-Null", new ArrayList<>(Arrays.asList((String) null)));
        WebhookRequest request = new WebhookRequest("application/json", new byte[0], Map.of(), sent);

        assertEquals(Optional.of("abc"), request.header("x-signature"));
        assertEquals(Optional.of("abc"), request.header("X-SIGNATURE"));
        assertEquals(List.of("text/plain", "application/json", "*/*"), request.headerValues("ACCEPT"));
        assertEquals(Optional.empty(), request.header("X-Empty"));
        assertEquals(Optional.empty(), request.header("X-Null"));
        assertEquals(Optional.empty(), request.header("X-Missing"));
        assertEquals(List.of(), request.headerValues("X-Missing"));
        assertThrows(UnsupportedOperationException.class, () -> request.headers().put("X-More", List.of("1")));
    }

    @Test
    void aCallMadeWithoutHeadersHasNone() {
        WebhookRequest recorded = new WebhookRequest("application/json", null, null);
        assertEquals(Map.of(), recorded.headers());
        assertEquals(Optional.empty(), recorded.header("Content-Type"));
    }
}
