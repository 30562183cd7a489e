package io.hookbot.optout;

import java.util.Optional;
import java.util.Set;

/**
 * One channel's opt-out settings ({@code hookbot.channels.<name>.opt-out.*}), checked.
 *
 * @param channel     the channel
 * @param enabled     whether the channel honours opt-outs at all: keywords are answered and its messages checked
 * @param scope       the registry the channel reads and writes: its own name, or one several channels share
 * @param stopWords   the folded messages that opt out
 * @param startWords  the folded messages that opt back in
 * @param helpWords   the folded messages answered with {@code helpReply}
 * @param stopReply   the confirmation of an opt-out
 * @param startReply  the confirmation of an opt-in
 * @param helpReply   the answer to a help keyword
 * @param confirmWith who says the confirmation
 */
public record OptOutPolicy(String channel, boolean enabled, String scope, Set<String> stopWords,
                           Set<String> startWords, Set<String> helpWords, String stopReply, String startReply,
                           String helpReply, ConfirmWith confirmWith) {

    /** Who words the confirmation of a STOP or START. */
    public enum ConfirmWith {
        /** hookbot sends the channel's configured text; the rules' replies of that turn follow the registry. */
        HOOKBOT,
        /**
         * The turn's first reply from the rules is the confirmation, in the bot's own words; when the rules
         * reply nothing, hookbot's text is sent.
         */
        RULES
    }

    public OptOutPolicy {
        stopWords = Set.copyOf(stopWords);
        startWords = Set.copyOf(startWords);
        helpWords = Set.copyOf(helpWords);
    }

    /**
     * @param text a message's whole text
     * @return the keyword it is, if the policy is on and it is one
     */
    public Optional<Keyword> keyword(String text) {
        if (!enabled || text == null) {
            return Optional.empty();
        }
        String folded = OptOutText.fold(text);
        if (stopWords.contains(folded)) {
            return Optional.of(Keyword.STOP);
        }
        if (startWords.contains(folded)) {
            return Optional.of(Keyword.START);
        }
        if (helpWords.contains(folded)) {
            return Optional.of(Keyword.HELP);
        }
        return Optional.empty();
    }

    /** The three kinds of keyword. */
    public enum Keyword {
        /** Opts out. */
        STOP,
        /** Opts back in. */
        START,
        /** Asks for the help text. */
        HELP
    }
}
