package io.hookbot.bot.guard;

import io.hookbot.api.User;

/**
 * Who a cooldown is counted for: {@code user:<channel>:<user id>} (a user's conversations on one channel share it),
 * {@code conversation:<channel>:<key>}, or {@code rule}. An event without a person falls back to its conversation,
 * and a scheduled firing, which has neither, to the rule.
 */
final class CooldownSubject {

    private CooldownSubject() {
    }

    static String of(FiredRule firing, Cooldown.Per per) {
        if (firing.event() == null || per == Cooldown.Per.RULE) {
            return "rule";
        }
        User person = firing.person();
        if (per == Cooldown.Per.USER && person != null && person.id() != null) {
            return "user:" + firing.event().channel() + ":" + person.id();
        }
        return "conversation:" + firing.event().channel() + ":" + firing.event().conversation();
    }
}
