package io.hookbot.web;

import io.hookbot.worker.SafeErrors;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to an exception no route handled: a 500 with a JSON body that names the error's type and where it was
 * thrown, never its message. Micronaut's own answer puts the message in the body and the log, and a database
 * error's message holds the statement's values (message text, phone numbers). The exceptions Micronaut maps to a
 * 4xx (a body that cannot be read, a missing parameter, a 413) keep their own, more specific handlers; a request
 * whose connection closed before its body was in is a 400 logged at DEBUG (the caller went away: nothing broke).
 */
@Produces
@Singleton
@Requires(classes = {Exception.class, ExceptionHandler.class})
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        if (clientWentAway(exception)) {
            // the caller closed the connection before its body was in (a platform's timeout, a stop): nobody to
            // answer, nothing of ours broke
            LOG.debug("{} {}: the request could not be read", request.getMethodName(), request.getPath(), exception);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "unreadable_request",
                    "message", "the request's body could not be read to its end"));
        }
        String error = SafeErrors.describe(exception);
        LOG.error("{} {} failed: {} (full trace at DEBUG)", request.getMethodName(), request.getPath(), error);
        LOG.debug("{} {} failed", request.getMethodName(), request.getPath(), exception);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "internal_error");
        body.put("message", "hookbot could not answer this request (" + error + "); the log has the details");
        return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
    }

    private static boolean clientWentAway(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
