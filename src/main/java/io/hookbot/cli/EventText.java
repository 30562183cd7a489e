package io.hookbot.cli;

import io.hookbot.api.DeviceEvent;
import io.hookbot.api.Event;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An event in one line, as {@code replay} prints it. */
final class EventText {

    private EventText() {
    }

    static String of(Event event) {
        String what;
        if (event instanceof MessageReceived m) {
            what = "message from " + person(m.sender()) + (m.kind().name().equals("TEXT") ? "" : " (" + name(m.kind()) + ")")
                    + ": \"" + m.text() + "\"";
        } else if (event instanceof PresenceChanged p) {
            what = "presence " + name(p.status()) + " of " + person(p.user()) + (p.scope() == null ? "" : " in " + p.scope());
        } else if (event instanceof MeetingEvent m) {
            what = "meeting " + name(m.type()) + " of " + m.meeting() + (m.actor() == null ? "" : " by " + person(m.actor()));
        } else {
            DeviceEvent d = (DeviceEvent) event;
            what = "device " + name(d.type()) + " from " + d.device() + " " + new java.util.TreeMap<>(d.fields());
        }
        return event.timestamp() + " " + what + " [" + event.conversation() + "]";
    }

    private static String person(User user) {
        if (user == null) {
            return "someone";
        }
        List<String> more = new ArrayList<>();
        if (user.name() != null && !user.name().equals(user.id())) {
            more.add(user.name());
        }
        if (user.role() != null) {
            more.add(user.role());
        }
        return user.id() + (more.isEmpty() ? "" : " (" + String.join(", ", more) + ")");
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
