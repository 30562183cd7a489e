package io.hookbot.admin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * A controller as a later change might add one, listed nowhere: {@link AccessTests} checks that it is private
 * without anyone having to say so. Present only when a test sets {@code test.later-controller}.
 */
@Controller("/later")
@Requires(property = "test.later-controller", value = "true")
class LaterController {

    /** @return something anyone could read if the access filter forgot it */
    @Get
    String hello() {
        return "later";
    }
}
