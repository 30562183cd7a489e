package io.hookbot.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code hookbot.admin.*}.
 *
 * @param token the bearer token for every private path; without it the admin API answers 404
 */
@ConfigurationProperties("hookbot.admin")
public record AdminSettings(@Nullable String token) {
}
