package io.hookbot.bot.rules;

import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The conditions on the turn around the text: where it came from, who sent it, the state, the time. */
final class TurnCondition {

    private TurnCondition() {
    }

    /** @param platforms the platform ids, one of which the event's channel must belong to */
    record Platform(Set<String> platforms) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            return facts.platform() != null && platforms.contains(facts.platform());
        }

        @Override
        public String describe() {
            return "platform " + platforms;
        }
    }

    /** @param channels the channel names, one of which the event must have arrived on */
    record Channel(Set<String> channels) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            return channels.contains(facts.event().channel());
        }

        @Override
        public String describe() {
            return "channel " + channels;
        }
    }

    /** @param kinds the message kinds, one of which the message must be */
    record Kind(Set<MessageKind> kinds) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            return facts.event() instanceof MessageReceived m && kinds.contains(m.kind());
        }

        @Override
        public String describe() {
            return "kind " + kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).sorted().toList();
        }
    }

    /** @param roles the roles (lower case), one of which the person the event is about must have */
    record Role(Set<String> roles) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            User person = facts.person();
            return person != null && person.role() != null && roles.contains(person.role().toLowerCase(Locale.ROOT));
        }

        @Override
        public String describe() {
            return "role " + roles;
        }
    }

    /**
     * @param key    the state key
     * @param values the values it may have; empty means it must not be set
     */
    record State(String key, Set<String> values) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            String value = facts.state().get(key);
            return values.isEmpty() ? value == null : value != null && values.contains(value);
        }

        @Override
        public String describe() {
            return values.isEmpty() ? "state " + key + " not set" : "state " + key + " in " + values;
        }
    }

    /**
     * Passes on the given days, between two times of day, in a time zone. A window whose end is before its start
     * runs over midnight ({@code 22:00-06:00}); the days are those of the local date at the time of the turn.
     *
     * @param zone the time zone
     * @param from the start, included; {@code null} with {@code to} for the whole day
     * @param to   the end, excluded
     * @param days the days; empty means every day
     * @param text the window as written, for messages
     */
    record TimeWindow(ZoneId zone, LocalTime from, LocalTime to, Set<DayOfWeek> days, String text)
            implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            ZonedDateTime local = facts.now().atZone(zone);
            if (!days.isEmpty() && !days.contains(local.getDayOfWeek())) {
                return false;
            }
            if (from == null) {
                return true;
            }
            LocalTime time = local.toLocalTime();
            return from.isBefore(to)
                    ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }

        @Override
        public String describe() {
            return "time " + text + " (" + zone + ")";
        }
    }
}
