package io.hookbot.bot.guard;

import java.time.Duration;
import java.util.Locale;

/**
 * After a rule fired, it does not fire again for the same user (or conversation, or at all) for a while.
 *
 * @param length how long
 * @param per    what the cooldown is counted for
 */
public record Cooldown(Duration length, Per per) {

    /** What one cooldown covers. */
    public enum Per {
        /** Each sender on each channel has a cooldown of their own, across all their conversations. */
        USER,
        /** Each conversation has a cooldown of its own. */
        CONVERSATION,
        /** One cooldown for the rule, whoever triggers it. */
        RULE;

        /** @return the name written in rule files */
        public String written() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return Durations.format(length) + " per " + per.written();
    }
}
