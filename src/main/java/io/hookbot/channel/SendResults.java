package io.hookbot.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The delivery policy every HTTP sender shares: which platform answers are retried, which pause the channel and
 * which fail for good, and how {@code Retry-After} is read.
 */
public final class SendResults {

    private SendResults() {
    }

    /**
     * Classifies a failed answer: 401/403 pause the channel; 408, 429 and 5xx may be retried; any other status
     * fails for good.
     *
     * @param status     the HTTP status (or a gateway's status field)
     * @param error      what went wrong, for the log and the attempt history
     * @param retryAfter how long the platform asked us to wait, or {@code null}
     * @return the result
     */
    public static SendResult ofStatus(int status, String error, Duration retryAfter) {
        if (status == 401 || status == 403) {
            return new SendResult.Unauthorized(status, error);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new SendResult.Retry(status, error, retryAfter);
        }
        return new SendResult.Failed(status, error);
    }

    /**
     * Reads a {@code Retry-After} header: a number of seconds or an HTTP date (RFC 1123).
     *
     * @param header the header's value, or {@code null}
     * @param now    the current time, to turn a date into a wait
     * @return the wait (zero for a date in the past), or {@code null} if absent or unreadable
     */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param text a platform's answer
     * @return it, cut to 300 characters for logs and the attempt history
     */
    public static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
