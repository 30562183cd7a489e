package io.hookbot.inbox;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.inbox.*}: how webhooks are stored and for how long (defaults in {@code application.yml}, every
 * setting in docs/configuration.md).
 *
 * @param queueCapacity  webhooks waiting for the inbox writer at most; a full queue answers 503 with Retry-After
 * @param maxBatch       events written in one group commit at most
 * @param journal        on the embedded H2, acknowledge once the events are in the journal
 * @param journalBacklog journaled events not yet in the table beyond which acknowledgements wait for their write
 * @param retention      how long turned events are kept: a duration ({@code 7d}, at least 2 h) or {@code off}
 * @param purgeInterval  how often old events are deleted
 * @param maxTurnLag     how long the conversation first in line may wait for a turn before webhooks' acknowledgements
 *                       wait (at most as long again) for the turns to catch up ({@link IntakePacing}); 0 never waits
 */
@ConfigurationProperties("hookbot.inbox")
public record InboxSettings(int queueCapacity, int maxBatch, boolean journal, long journalBacklog, String retention,
                            Duration purgeInterval, Duration maxTurnLag) {

    public InboxSettings {
        Settings.atLeast("hookbot.inbox.queue-capacity", queueCapacity, 1);
        Settings.atLeast("hookbot.inbox.max-batch", maxBatch, 1);
        Settings.atLeast("hookbot.inbox.journal-backlog", journalBacklog, 0);
        Settings.required("hookbot.inbox.retention", retention);
        Settings.positive("hookbot.inbox.purge-interval", purgeInterval);
        Settings.notNegative("hookbot.inbox.max-turn-lag", maxTurnLag);
    }
}
