package io.hookbot.channel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class SendResultsTest {

    @Test
    void statusesAreClassifiedByTheDeliveryPolicy() {
        assertInstanceOf(SendResult.Unauthorized.class, SendResults.ofStatus(401, "e", null));
        assertInstanceOf(SendResult.Unauthorized.class, SendResults.ofStatus(403, "e", null));
        for (int retried : new int[] {408, 429, 500, 502, 503, 504}) {
            assertEquals(new SendResult.Retry(retried, "e", null), SendResults.ofStatus(retried, "e", null));
        }
        for (int refused : new int[] {400, 404, 409, 413, 422}) {
            assertEquals(new SendResult.Failed(refused, "e"), SendResults.ofStatus(refused, "e", null));
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2015-10-21T07:28:00Z");
        assertEquals(Duration.ofSeconds(120), SendResults.retryAfter(" 120 ", now));
        assertEquals(Duration.ofSeconds(30), SendResults.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now));
        assertEquals(Duration.ZERO, SendResults.retryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), "a past date");
        assertNull(SendResults.retryAfter("soon", now));
        assertNull(SendResults.retryAfter("-5", now));
        assertNull(SendResults.retryAfter(null, now));
    }
}
