package io.hookbot.worker;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.workers.*}: how a failing background worker is run again (defaults in {@code application.yml}).
 *
 * @param backoff    the pause after a failure, doubling while the worker keeps failing
 * @param maxBackoff the longest pause
 */
@ConfigurationProperties("hookbot.workers")
public record WorkerSettings(Duration backoff, Duration maxBackoff) {
}
