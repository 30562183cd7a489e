package io.hookbot.bot.rules;

import io.hookbot.api.MessageReceived;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conditions that ask the turn's {@link TurnLookups} rather than the event: another user's presence,
 * whether this is the sender's first message, and whether the sender or a send's recipient opted out. Within a list of conditions they are tried last, so a rule whose text
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

    /**
     * Whether the turn's sender, or a recipient on a channel, opted out (STOP), as of this turn: on the turn of a
     * STOP the sender has opted out already.
     *
     * @param channel the channel of a send's recipient; {@code null} for the turn's sender
     * @param to      the recipient, as a send names it; {@code null} for the turn's sender
     * @param wanted  {@code true}: must have opted out; {@code false}: must not have
     */
    record OptedOut(String channel, String to, boolean wanted) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            if (to == null) {
                return facts.event() instanceof MessageReceived && facts.lookups().senderOptedOut() == wanted;
            }
            return facts.lookups().optedOut(channel, to) == wanted;
        }

        @Override
        public String describe() {
            String who = to == null ? "the sender" : to + " on " + channel;
            return who + (wanted ? " opted out" : " did not opt out");
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
