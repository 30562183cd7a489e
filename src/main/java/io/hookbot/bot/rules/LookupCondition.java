package io.hookbot.bot.rules;

import io.hookbot.api.MessageReceived;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conditions that ask the turn's {@link TurnLookups} rather than the event: another user's presence, and
 * whether this is the sender's first message. Within a list of conditions they are tried last, so a rule whose text
 * does not match never looks anything up.
 */
final class LookupCondition {

    private LookupCondition() {
    }

    /**
     * A user's presence on a channel, or in a meeting or Yalgaar channel of it.
     *
     * @param channel the channel to look on; {@code null} for the event's own channel
     * @param user    the user's id on that channel
     * @param scope   the meeting id or Yalgaar channel, or {@code null} for the channel as a whole
     * @param is      the {@link PresenceWords} of which the user must have one
     */
    record Presence(String channel, String user, String scope, Set<String> is) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            String on = channel != null ? channel : facts.event().channel();
            Set<String> words = PresenceWords.of(facts.lookups().presence().find(on, user), scope);
            for (String wanted : is) {
                if (words.contains(wanted)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "presence of " + user + (scope == null ? "" : " in " + scope)
                    + " on " + (channel == null ? "this channel" : channel) + " " + new TreeSet<>(is);
        }
    }

    /** @param wanted whether the message must be its sender's first on the channel ({@code false}: not the first) */
    record FirstMessage(boolean wanted) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            return facts.event() instanceof MessageReceived && facts.lookups().firstMessage() == wanted;
        }

        @Override
        public String describe() {
            return wanted ? "the sender's first message" : "a sender who wrote before";
        }
    }
}
