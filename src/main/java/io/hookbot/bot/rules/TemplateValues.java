package io.hookbot.bot.rules;

import io.hookbot.api.DeviceEvent;
import io.hookbot.api.Event;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves template placeholders for one rule firing: the event, its sender, the rule's captures, the state as
 * it is at that action, and the time of the turn in the bot's time zone.
 */
final class TemplateValues implements Function<String, String> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final String bot;
    private final ZoneId zone;
    private final TurnFacts facts;
    private final Map<String, String> captures;
    private final Map<String, String> state;

    TemplateValues(String bot, ZoneId zone, TurnFacts facts, Map<String, String> captures, Map<String, String> state) {
        this.bot = bot;
        this.zone = zone;
        this.facts = facts;
        this.captures = captures;
        this.state = state;
    }

    @Override
    public String apply(String path) {
        Event event = facts.event();
        int dot = path.indexOf('.');
        String root = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        return switch (root) {
            case "text" -> facts.text();
            case "channel" -> event.channel();
            case "platform" -> facts.platform();
            case "conversation" -> event.conversation();
            case "bot" -> bot;
            case "now" -> now(rest);
            case "match" -> captures.get(rest);
            case "state" -> state.get(rest);
            case "sender" -> rest.equals("opted-out") ? Boolean.toString(facts.lookups().senderOptedOut())
                    : person(facts.person(), rest);
            case "opted-out" -> optedOut(rest);
            case "event" -> eventField(event, rest);
            case "presence" -> presence(rest);
            default -> null;
        };
    }

    private String now(String field) {
        ZonedDateTime local = facts.now().atZone(zone);
        return switch (field) {
            case "date" -> local.toLocalDate().toString();
            case "time" -> local.format(TIME);
            case "weekday" -> local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "iso" -> facts.now().toString();
            default -> local.toOffsetDateTime().toString();
        };
    }

    /** {@code <user>} on the event's channel, or {@code <user>@<channel>}: the last {@code @} starts the channel. */
    private String presence(String rest) {
        int at = rest.lastIndexOf('@');
        String user = at < 0 ? rest : rest.substring(0, at);
        String channel = at < 0 ? facts.event().channel() : rest.substring(at + 1);
        return PresenceWords.word(facts.lookups().presence().find(channel, user));
    }

    /** {@code <to>} on the event's channel, or {@code <to>@<channel>}: the last {@code @} starts the channel. */
    private String optedOut(String rest) {
        int at = rest.lastIndexOf('@');
        String to = at < 0 ? rest : rest.substring(0, at);
        String channel = at < 0 ? facts.event().channel() : rest.substring(at + 1);
        return Boolean.toString(facts.lookups().optedOut(channel, to));
    }

    private static String person(User user, String field) {
        if (user == null) {
            return null;
        }
        return switch (field) {
            case "id" -> user.id();
            case "name" -> user.name() != null ? user.name() : user.id();
            case "role" -> user.role();
            default -> null;
        };
    }

    private static String eventField(Event event, String field) {
        if (field.equals("type") && !(event instanceof MessageReceived)) {
            return Trigger.typeOf(event);
        }
        if (event instanceof DeviceEvent device) {
            return field.equals("device") ? device.device() : device.fields().get(field);
        }
        if (event instanceof MeetingEvent meeting) {
            if (field.equals("meeting")) {
                return meeting.meeting();
            }
            Object value = meeting.details().get(field);
            return value == null ? null : String.valueOf(value);
        }
        if (event instanceof PresenceChanged presence) {
            return switch (field) {
                case "status" -> Trigger.typeOf(presence);
                case "scope" -> presence.scope();
                case "user" -> presence.user() == null ? null : presence.user().id();
                default -> null;
            };
        }
        MessageReceived message = (MessageReceived) event;
        return switch (field) {
            case "kind" -> Trigger.typeOf(message);
            case "id" -> message.externalId();
            default -> null;
        };
    }
}
