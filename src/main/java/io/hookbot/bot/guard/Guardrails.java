package io.hookbot.bot.guard;

import java.util.Set;

/**
 * The guardrails in force for one rule: the bot's {@code guardrails:} over the defaults, and the rule's own
 * {@code guardrails:} over those.
 *
 * @param ignoreSelf       never react to a message (or presence, or meeting action) of the bot itself
 * @param selfIds          the bot's own user ids, besides those configured per channel
 *                         ({@code hookbot.channels.<name>.self})
 * @param ignoreBots       never react to other bots: senders with a bot role ({@link #BOT_ROLES}) or listed in
 *                         {@code botIds}
 * @param botIds           user ids of other bots
 * @param repliesPerMinute the most messages the bot sends into one conversation per minute; 0 for no cap
 * @param quietHours       when the bot sends nothing, or {@code null}
 * @param cooldown         how long before the rule fires again for the same subject, or {@code null}
 */
public record Guardrails(boolean ignoreSelf, Set<String> selfIds, boolean ignoreBots, Set<String> botIds,
                         int repliesPerMinute, QuietHours quietHours, Cooldown cooldown) {

    /** Roles that mark a sender as a machine: {@code bot}, and VCaaS's {@code system} (it stops recordings). */
    public static final Set<String> BOT_ROLES = Set.of("bot", "system");

    /** The default cap on messages per conversation per minute. */
    public static final int DEFAULT_REPLIES_PER_MINUTE = 10;

    /** On by default: ignore self and bots, at most 10 messages per conversation per minute, no quiet, no cooldown. */
    public static final Guardrails DEFAULTS = new Guardrails(true, Set.of(), true, Set.of(),
            DEFAULT_REPLIES_PER_MINUTE, null, null);

    public Guardrails {
        selfIds = Set.copyOf(selfIds);
        botIds = Set.copyOf(botIds);
        if (repliesPerMinute < 0) {
            throw new IllegalArgumentException("repliesPerMinute must not be negative");
        }
    }
}
