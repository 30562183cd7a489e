package io.hookbot.inbox;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.sequencer.*}: Webinato batch ordering (defaults in {@code application.yml}).
 *
 * @param gapTimeout how long batches wait behind a missing one before the gap is given up
 */
@ConfigurationProperties("hookbot.sequencer")
public record SequencerSettings(Duration gapTimeout) {

    public SequencerSettings {
        Settings.positive("hookbot.sequencer.gap-timeout", gapTimeout);
    }
}
