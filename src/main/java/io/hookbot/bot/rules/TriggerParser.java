package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.YamlNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a rule's {@code on}: {@code message}, {@code presence}, {@code meeting}, {@code device}, or one of them with
 * types ({@code presence.online}), or a list of types of one family ({@code [presence.joined, presence.waiting]}).
 */
final class TriggerParser {

    private TriggerParser() {
    }

    static Trigger parse(YamlNode node, Problems problems) {
        List<String> texts = YamlValues.texts(node, "on", problems);
        Trigger.Family family = null;
        Set<String> types = new LinkedHashSet<>();
        boolean all = false;
        for (String text : texts) {
            String value = text.trim().toLowerCase(Locale.ROOT);
            int dot = value.indexOf('.');
            String familyName = dot < 0 ? value : value.substring(0, dot);
            Trigger.Family f;
            try {
                f = Trigger.Family.valueOf(familyName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(node, "on: unknown event '" + text + "'; use message, presence, meeting, device or "
                        + "schedule, optionally with a type such as presence.online or meeting.started");
                continue;
            }
            if (family != null && family != f) {
                problems.add(node, "on: a rule answers one family of events, not both " + family.name().toLowerCase(Locale.ROOT)
                        + " and " + familyName + "; write two rules");
                continue;
            }
            family = f;
            if (dot < 0) {
                all = true;
                continue;
            }
            String type = value.substring(dot + 1);
            if (!f.types().contains(type)) {
                problems.add(node, "on: " + familyName + " has no type '" + type + "'"
                        + (f.types().isEmpty() ? "; use conditions such as kind for messages" : "; types: " + f.types()));
                continue;
            }
            types.add(type);
        }
        if (family == null) {
            return Trigger.MESSAGE;
        }
        return new Trigger(family, all ? Set.of() : Set.copyOf(types));
    }
}
