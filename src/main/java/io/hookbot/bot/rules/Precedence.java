package io.hookbot.bot.rules;

/**
 * Which bots still get to answer one event, as the bots that serve its channel are asked in order of priority
 * (highest first, as a {@link RuleSet} holds them). The first bot that answers (its turn ends at a rule that fired
 * without {@code continue: true}) keeps every bot of lower priority from answering the event; bots of the same
 * priority as that one still answer, as all bots did before priorities: they answer independently. One per turn.
 */
public final class Precedence {

    private BotDefinition answeredFirst;

    /**
     * @param bot the next bot in order
     * @return whether it may answer the event
     */
    public boolean admits(BotDefinition bot) {
        return answeredFirst == null || bot.priority() >= answeredFirst.priority();
    }

    /**
     * Notes what a bot did with the event.
     *
     * @param bot      the bot
     * @param answered whether it answered
     */
    public void after(BotDefinition bot, boolean answered) {
        if (answered && answeredFirst == null) {
            answeredFirst = bot;
        }
    }

    /** @return why a bot that is not admitted is not: the bot that answered first, in words */
    public String reason() {
        return answeredFirst == null ? "" : "bot '" + answeredFirst.name() + "' (priority " + answeredFirst.priority()
                + ") answered first";
    }
}
