package io.hookbot.inbox;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.dispatcher.*}: how stored events become turns (defaults in {@code application.yml}).
 *
 * @param enabled                      whether this instance turns events at all (off: it only stores them)
 * @param workers                      conversations turned in parallel
 * @param pollInterval                 how often stored but unturned events are looked for (wake-ups come first)
 * @param batchSize                    events of one conversation taken in one pass
 * @param conversationsPerTransaction  conversations turned in one commit at most
 */
@ConfigurationProperties("hookbot.dispatcher")
public record DispatcherSettings(boolean enabled, int workers, Duration pollInterval, int batchSize,
                                 int conversationsPerTransaction) {

    public DispatcherSettings {
        Settings.atLeast("hookbot.dispatcher.workers", workers, 1);
        Settings.positive("hookbot.dispatcher.poll-interval", pollInterval);
        Settings.atLeast("hookbot.dispatcher.batch-size", batchSize, 1);
        Settings.atLeast("hookbot.dispatcher.conversations-per-transaction", conversationsPerTransaction, 1);
    }
}
