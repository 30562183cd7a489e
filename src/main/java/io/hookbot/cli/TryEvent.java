package io.hookbot.cli;

import io.hookbot.api.DeviceEvent;
import io.hookbot.api.Event;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event the {@code try} command feeds to the rules, built from its options.
 *
 * @param event       the event
 * @param description what it is, for the first line of the output
 */
record TryEvent(Event event, String description) {

    static TryEvent from(Arguments args, String channel, String text, Instant at) {
        User user = new User(args.option("from") != null ? args.option("from") : "+15550001", args.option("name"),
                args.option("role"));
        String conversation = args.option("conversation") != null ? args.option("conversation") : "try";
        Map<String, String> fields = args.pairs("field");
        String type = args.option("event") == null ? "message" : args.option("event").toLowerCase(Locale.ROOT);
        String family = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        String kind = type.contains(".") ? type.substring(type.indexOf('.') + 1) : "";
        try {
            return switch (family) {
                case "message" -> new TryEvent(new MessageReceived(channel, conversation, user, text,
                        args.option("kind") == null ? MessageKind.TEXT : MessageKind.valueOf(args.option("kind").toUpperCase(Locale.ROOT)),
                        List.of(), "try-1", at, null, Map.of()), "message from " + user.id() + ": \"" + text + "\"");
                case "presence" -> new TryEvent(new PresenceChanged(channel, conversation, user,
                        PresenceChanged.Status.valueOf(constant(kind)), fields.get("scope"), at), type + " of " + user.id());
                case "meeting" -> new TryEvent(new MeetingEvent(channel, conversation,
                        fields.getOrDefault("meeting", conversation), MeetingEvent.Type.valueOf(constant(kind)), user, at,
                        new HashMap<>(fields)), type);
                case "device" -> new TryEvent(new DeviceEvent(channel, conversation, fields.getOrDefault("device", "device-1"),
                        kind.equals("ussd") ? DeviceEvent.Type.USSD_RESPONSE : DeviceEvent.Type.valueOf(constant(kind)),
                        fields, at), type);
                default -> throw new IllegalArgumentException(family);
            };
        } catch (IllegalArgumentException e) {
            throw new UsageException("--event takes message, presence.<status>, meeting.<type> or device.<ussd|notification>"
                    + " and --kind a message kind; '" + type + "' / '" + args.option("kind") + "' is not one of them");
        }
    }

    private static String constant(String type) {
        return type.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
