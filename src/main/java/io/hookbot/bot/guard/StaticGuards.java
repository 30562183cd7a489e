package io.hookbot.bot.guard;

import io.hookbot.api.User;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The guardrails that need no history: the bot's own messages, other bots, quiet hours. Pure, so the {@code try}
 * command gives the same verdict as the running bot.
 */
public final class StaticGuards {

    private StaticGuards() {
    }

    /**
     * @param firing      the rule that fired
     * @param channelSelf the ids the event's channel knows as its own ({@code hookbot.channels.<name>.self})
     * @return the guardrail that blocks it, or empty
     */
    public static Optional<Blocked> check(FiredRule firing, Set<String> channelSelf) {
        Guardrails guardrails = firing.guardrails();
        User person = firing.person();
        if (person != null && person.id() != null) {
            if (guardrails.ignoreSelf() && (channelSelf.contains(person.id()) || guardrails.selfIds().contains(person.id()))) {
                return Optional.of(new Blocked(Guardrail.SELF, "'" + person.id() + "' is the bot itself"));
            }
            if (guardrails.ignoreBots()) {
                if (guardrails.botIds().contains(person.id())) {
                    return Optional.of(new Blocked(Guardrail.OTHER_BOT, "'" + person.id() + "' is listed as a bot"));
                }
                if (person.role() != null && Guardrails.BOT_ROLES.contains(person.role().toLowerCase(Locale.ROOT))) {
                    return Optional.of(new Blocked(Guardrail.OTHER_BOT,
                            "'" + person.id() + "' has the role '" + person.role() + "'"));
                }
            }
        }
        QuietHours quiet = guardrails.quietHours();
        if (firing.sends() && quiet != null && quiet.contains(firing.now())) {
            return Optional.of(new Blocked(Guardrail.QUIET_HOURS, "quiet hours " + quiet));
        }
        return Optional.empty();
    }
}
