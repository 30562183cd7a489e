package io.hookbot.channel;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A webhook call that is refused, with the status and a message that tells the caller what to fix.
 * Nothing of a rejected call is stored.
 */
public class WebhookRejection extends Exception {

    private static final int MAX_FIELD = 200;

    private final HttpStatus status;
    private final String error;
    private final String field;

    /**
     * @param status  the HTTP status to answer with
     * @param error   a short machine-readable code ({@code invalid_payload}, {@code unauthorized}…)
     * @param field   the offending field in dotted form ({@code data.phone}), or {@code null}
     * @param message what is wrong, in plain words
     */
    public WebhookRejection(HttpStatus status, String error, String field, String message) {
        super(field == null ? message : printable(field) + ": " + message, null, false, false);
        this.status = status;
        this.error = error;
        this.field = printable(field);
    }

    /**
     * A field's path can come from the body (a form's key, a report's field names) and is quoted in the answer
     * and logged: printable ASCII only, shortened.
     */
    private static String printable(String field) {
        if (field == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(field.length(), MAX_FIELD + 1));
        for (int i = 0; i < field.length() && i < MAX_FIELD; i++) {
            char c = field.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return field.length() > MAX_FIELD ? safe + "…" : safe.toString();
    }

    /**
     * @param field   the offending field
     * @param message what is wrong with it
     * @return a 400 naming the field
     */
    public static WebhookRejection invalid(String field, String message) {
        return new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", field, message);
    }

    /**
     * @param message why the caller is not trusted
     * @return a 401
     */
    public static WebhookRejection unauthorized(String message) {
        return new WebhookRejection(HttpStatus.UNAUTHORIZED, "unauthorized", null, message);
    }

    /** @return the HTTP status */
    public HttpStatus status() {
        return status;
    }

    /** @return the machine-readable code ({@code invalid_payload}, {@code unauthorized}…) */
    public String error() {
        return error;
    }

    /** @return the offending field, or {@code null} */
    public String field() {
        return field;
    }

    /** @return the JSON error response */
    public HttpResponse<Map<String, Object>> toResponse() {
        return toResponse(status);
    }

    /**
     * @param overriding the status to use instead of this rejection's own
     * @return the JSON error response with that status
     */
    public HttpResponse<Map<String, Object>> toResponse(HttpStatus overriding) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", getMessage());
        return HttpResponse.<Map<String, Object>>status(overriding).body(body);
    }
}
