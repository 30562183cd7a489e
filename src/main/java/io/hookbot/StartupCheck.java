package io.hookbot;

import io.hookbot.admin.AccessTokens;
import io.hookbot.bot.rules.RuleBook;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.db.HealthSettings;
import io.hookbot.inbox.DispatcherSettings;
import io.hookbot.inbox.InboxSettings;
import io.hookbot.inbox.SequencerSettings;
import io.hookbot.outbox.DeliverySettings;
import io.hookbot.outbox.OutboxSettings;
import io.hookbot.worker.WorkerSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

/**
 * Reads and checks every setting and the rule files first thing at startup, before the database is opened and
 * migrated: a mistake stops hookbot before it has touched anything ({@link HookbotLauncher} says it). Micronaut makes
 * eager beans in their {@link Order}; the datasource (and with it the Flyway migration) is one of them.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupCheck {

    /**
     * Each argument is made, and checks itself, when this bean is: that is the whole job.
     *
     * @param channels  the channels, each checked by its platform
     * @param rules     the rule files, every mistake as {@code file:line:col}
     * @param tokens    the access tokens
     * @param inbox     {@code hookbot.inbox.*}
     * @param dispatch  {@code hookbot.dispatcher.*}
     * @param sequencer {@code hookbot.sequencer.*}
     * @param delivery  {@code hookbot.delivery.*}
     * @param outbox    {@code hookbot.outbox.*}
     * @param health    {@code hookbot.health.*}
     * @param workers   {@code hookbot.workers.*}
     */
    public StartupCheck(ChannelRegistry channels, RuleBook rules, AccessTokens tokens, InboxSettings inbox,
                        DispatcherSettings dispatch, SequencerSettings sequencer, DeliverySettings delivery,
                        OutboxSettings outbox, HealthSettings health, WorkerSettings workers) {
        // nothing more: making the arguments was the check
    }
}
