package io.hookbot.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request the admin API refuses, answered as JSON naming the offending field when there is one. */
public class AdminException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final String field;

    /**
     * @param status  the HTTP status
     * @param error   a short machine-readable code
     * @param field   the offending parameter, or {@code null}
     * @param message what is wrong, in plain words
     */
    public AdminException(HttpStatus status, String error, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
    }

    /**
     * @param field   the parameter
     * @param message what is wrong with it
     * @return a 400 naming it
     */
    public static AdminException invalid(String field, String message) {
        return new AdminException(HttpStatus.BAD_REQUEST, "invalid_parameter", field, message);
    }

    /**
     * @param message what was not found
     * @return a 404
     */
    public static AdminException notFound(String message) {
        return new AdminException(HttpStatus.NOT_FOUND, "not_found", null, message);
    }

    /**
     * @param message why the request does not apply now
     * @return a 409
     */
    public static AdminException conflict(String message) {
        return new AdminException(HttpStatus.CONFLICT, "conflict", null, message);
    }

    /** @return the offending parameter, or {@code null} */
    public String field() {
        return field;
    }

    /** @return the JSON error response */
    public HttpResponse<Map<String, Object>> toResponse() {
        return HttpResponse.<Map<String, Object>>status(status).body(body(error, field, getMessage()));
    }

    /**
     * @param error   the code
     * @param field   the field, or {@code null}
     * @param message the message
     * @return an error body in the shape every admin error has
     */
    static Map<String, Object> body(String error, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message);
        return body;
    }
}
