package io.hookbot.admin;

import java.security.Principal;

/**
 * The caller a valid bearer token makes, set on the request by {@link AccessFilter}: Micronaut's health endpoint
 * shows its details to a request with a principal ({@code endpoints.health.details-visible: AUTHENTICATED}).
 *
 * @param name {@code admin} or {@code api}, which token it was
 */
public record TokenPrincipal(String name) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
