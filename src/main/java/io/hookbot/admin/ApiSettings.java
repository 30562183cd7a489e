package io.hookbot.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code hookbot.api.*}.
 *
 * @param token a second, read-only bearer token: GET and HEAD on the private paths
 */
@ConfigurationProperties("hookbot.api")
public record ApiSettings(@Nullable String token) {
}
