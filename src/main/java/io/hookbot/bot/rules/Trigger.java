package io.hookbot.bot.rules;

import io.hookbot.api.DeviceEvent;
import io.hookbot.api.Event;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.ScheduleFired;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which events a rule answers: one family of events, and within it some types or all of them. Written in a rule
 * file as {@code on: message}, {@code on: presence}, {@code on: presence.online} or a list of one family's types.
 *
 * @param family the family
 * @param types  the types within it ({@code online}, {@code started}, {@code ussd}…); empty means all
 */
record Trigger(Family family, Set<String> types) {

    /** The trigger of a rule that says nothing: every message. */
    static final Trigger MESSAGE = new Trigger(Family.MESSAGE, Set.of());

    /**
     * @param event an event
     * @return whether a rule with this trigger answers it
     */
    boolean matches(Event event) {
        return Family.of(event) == family && (types.isEmpty() || types.contains(typeOf(event)));
    }

    /**
     * @param other a trigger
     * @return whether every event {@code other} answers is also answered by this one
     */
    boolean covers(Trigger other) {
        return family == other.family && (types.isEmpty() || !other.types.isEmpty() && types.containsAll(other.types));
    }

    /**
     * @param event an event
     * @return its type within its family, as written in rule files ({@code online}, {@code recording-started}…)
     */
    static String typeOf(Event event) {
        if (event instanceof PresenceChanged p) {
            return name(p.status());
        }
        if (event instanceof MeetingEvent m) {
            return name(m.type());
        }
        if (event instanceof DeviceEvent d) {
            return d.type() == DeviceEvent.Type.USSD_RESPONSE ? "ussd" : "notification";
        }
        return ((MessageReceived) event).kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        String name = family.name().toLowerCase(Locale.ROOT);
        return types.isEmpty() ? name : name + "." + String.join("|", types.stream().sorted().toList());
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The families of events, each with the types a rule may name. */
    enum Family {
        MESSAGE(List.of()),
        PRESENCE(Arrays.stream(PresenceChanged.Status.values()).map(Trigger::name).toList()),
        MEETING(Arrays.stream(MeetingEvent.Type.values()).map(Trigger::name).toList()),
        DEVICE(List.of("ussd", "notification")),
        /** Fired by the clock, not by an event: see {@link Rule#schedule()}. */
        SCHEDULE(List.of());

        private final List<String> types;

        Family(List<String> types) {
            this.types = types;
        }

        /** @return the types a rule may name after the family's name */
        List<String> types() {
            return types;
        }

        static Family of(Event event) {
            if (event instanceof MessageReceived) {
                return MESSAGE;
            }
            if (event instanceof PresenceChanged) {
                return PRESENCE;
            }
            if (event instanceof MeetingEvent) {
                return MEETING;
            }
            if (event instanceof ScheduleFired) {
                return SCHEDULE;
            }
            return DEVICE;
        }
    }
}
