package io.hookbot.bot.rules;

import io.hookbot.api.DeviceEvent;
import io.hookbot.api.Event;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import io.hookbot.bot.Turn;

import java.util.Map;
import java.util.function.Function;

/** Resolves template placeholders against a turn: the event, its sender, the rule's captures and the state. */
final class TemplateValues implements Function<String, String> {

    private final Turn turn;
    private final Map<String, String> captures;
    private final Map<String, String> state;

    TemplateValues(Turn turn, Map<String, String> captures, Map<String, String> state) {
        this.turn = turn;
        this.captures = captures;
        this.state = state;
    }

    @Override
    public String apply(String path) {
        Event event = turn.event();
        int dot = path.indexOf('.');
        String root = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        return switch (root) {
            case "text" -> event instanceof MessageReceived m ? m.text() : null;
            case "channel" -> event.channel();
            case "conversation" -> event.conversation();
            case "now" -> turn.now().toString();
            case "match" -> captures.get(rest);
            case "state" -> state.get(rest);
            case "sender" -> user(userOf(event), rest);
            case "event" -> eventField(event, rest);
            default -> null;
        };
    }

    private static User userOf(Event event) {
        if (event instanceof MessageReceived m) {
            return m.sender();
        }
        if (event instanceof PresenceChanged p) {
            return p.user();
        }
        if (event instanceof MeetingEvent m) {
            return m.actor();
        }
        return null;
    }

    private static String user(User user, String field) {
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
        if (event instanceof DeviceEvent device) {
            return field.equals("device") ? device.device() : device.fields().get(field);
        }
        if (event instanceof MeetingEvent meeting) {
            return switch (field) {
                case "meeting" -> meeting.meeting();
                case "type" -> meeting.type().name().toLowerCase();
                default -> meeting.details().get(field) == null ? null : String.valueOf(meeting.details().get(field));
            };
        }
        if (event instanceof PresenceChanged presence) {
            return switch (field) {
                case "status" -> presence.status().name().toLowerCase();
                case "scope" -> presence.scope();
                default -> null;
            };
        }
        if (event instanceof MessageReceived message) {
            return switch (field) {
                case "kind" -> message.kind().name().toLowerCase();
                case "id" -> message.externalId();
                default -> null;
            };
        }
        return null;
    }
}
