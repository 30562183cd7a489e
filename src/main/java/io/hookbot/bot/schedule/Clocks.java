package io.hookbot.bot.schedule;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The clock schedules are due by: the system's, in UTC. A bean, so tests can set the time instead of waiting. */
@Factory
public class Clocks {

    /** @return the system clock */
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
