package io.hookbot.bot.rules;

import java.util.Set;

/**
 * The variables a template may use in one rule: they depend on the family of events the rule answers (only
 * messages have {@code text}) and on the named groups of the rule's regular expressions.
 *
 * @param family   the family of events the rule answers
 * @param captures      the named groups of the rule's regexes
 * @param knownChannels the configured channels, or {@code null} not to check the channel of a presence variable
 */
record TemplateScope(Trigger.Family family, Set<String> captures, Set<String> knownChannels) {

    static final String ROOTS = "text, channel, platform, conversation, bot, sender.id|name|role, match.<group>, "
            + "state.<key>, event.<field>, presence.<user>[@<channel>], sender.opted-out, opted-out.<to>[@<channel>], now, "
            + "now.date|time|weekday|iso";

    /**
     * A scope that does not check the channel names of {@code presence.<user>@<channel>}.
     *
     * @param family   the family of events the rule answers
     * @param captures the named groups of the rule's regexes
     */
    TemplateScope(Trigger.Family family, Set<String> captures) {
        this(family, captures, null);
    }
    private static final Set<String> PERSON = Set.of("id", "name", "role", "opted-out");
    private static final Set<String> NOW = Set.of("date", "time", "weekday", "iso");

    /**
     * @param path a placeholder's path, such as {@code sender.name}
     * @return why it cannot be used, or {@code null} if it can
     */
    String check(String path) {
        int dot = path.indexOf('.');
        String root = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        if (family == Trigger.Family.SCHEDULE && !root.equals("bot") && !root.equals("now")
                && !root.equals("opted-out")) {
            return "a schedule rule answers no event and has no conversation: it knows only bot, now and "
                    + "opted-out.<to>@<channel>";
        }
        switch (root) {
            case "channel", "platform", "conversation", "bot":
                return rest.isEmpty() ? null : "'" + root + "' has no fields";
            case "text":
                if (!rest.isEmpty()) {
                    return "'text' has no fields";
                }
                return family == Trigger.Family.MESSAGE ? null : "'text' exists only for messages";
            case "now":
                return rest.isEmpty() || NOW.contains(rest) ? null : "'now' has date, time, weekday and iso";
            case "sender":
                if (family == Trigger.Family.DEVICE) {
                    return "device events have no sender";
                }
                if (rest.equals("opted-out") && family != Trigger.Family.MESSAGE) {
                    return "'sender.opted-out' exists only for messages";
                }
                return PERSON.contains(rest) ? null : "'sender' has id, name, role and opted-out";
            case "match":
                if (captures.contains(rest)) {
                    return null;
                }
                return captures.isEmpty() ? "this rule has no regex with a named group (?<" + rest + ">…)"
                        : "no regex of this rule has a group named '" + rest + "'; it has " + captures.stream().sorted().toList();
            case "state":
                return rest.isEmpty() ? "say which state value: state.<key>" : null;
            case "event":
                return eventField(rest);
            case "presence":
                return presence(rest);
            case "opted-out":
                return optedOut(rest);
            default:
                return "unknown variable '" + path + "'; known: " + ROOTS;
        }
    }

    private String presence(String rest) {
        int at = rest.lastIndexOf('@');
        String user = at < 0 ? rest : rest.substring(0, at);
        if (user.isEmpty()) {
            return "say whose presence: presence.<user> or presence.<user>@<channel>";
        }
        String channel = at < 0 ? null : rest.substring(at + 1);
        if (channel != null && knownChannels != null && !knownChannels.contains(channel)) {
            return "unknown channel '" + channel + "'; channels configured: " + knownChannels.stream().sorted().toList();
        }
        return null;
    }

    private String optedOut(String rest) {
        int at = rest.lastIndexOf('@');
        String to = at < 0 ? rest : rest.substring(0, at);
        if (to.isEmpty()) {
            return "say whom: opted-out.<to> or opted-out.<to>@<channel>";
        }
        String channel = at < 0 ? null : rest.substring(at + 1);
        if (channel == null && family == Trigger.Family.SCHEDULE) {
            return "a schedule rule has no channel of its own: opted-out.<to>@<channel>";
        }
        if (channel != null && knownChannels != null && !knownChannels.contains(channel)) {
            return "unknown channel '" + channel + "'; channels configured: " + knownChannels.stream().sorted().toList();
        }
        return null;
    }

    private String eventField(String field) {
        if (field.isEmpty()) {
            return "say which field: event.<field>";
        }
        Set<String> known = switch (family) {
            case MESSAGE -> Set.of("kind", "id");
            case PRESENCE -> Set.of("status", "type", "scope", "user");
            // meeting details and device fields depend on the platform: any name is allowed, a missing one is empty
            case MEETING, DEVICE -> null;
            case SCHEDULE -> Set.of();
        };
        if (known == null || known.contains(field)) {
            return null;
        }
        return "a " + family.name().toLowerCase() + " event has no field '" + field + "'; it has "
                + known.stream().sorted().toList();
    }
}
