package io.hookbot.bot.rules;

import java.util.List;

/**
 * The bots in force at one moment. Immutable: a reload builds a new one and swaps it in whole, so a turn that took
 * a rule set sees all the old rules or all the new ones, never a mix.
 *
 * @param bots the bots, in file name order
 */
public record RuleSet(List<BotDefinition> bots) {

    /** The rule set of a bot folder with no rule files. */
    public static final RuleSet EMPTY = new RuleSet(List.of());

    public RuleSet {
        bots = List.copyOf(bots);
    }
}
