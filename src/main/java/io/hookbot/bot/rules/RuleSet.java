package io.hookbot.bot.rules;

import java.util.Comparator;
import java.util.List;

/**
 * The bots in force at one moment. Immutable: a reload builds a new one and swaps it in whole, so a turn that took
 * a rule set sees all the old rules or all the new ones, never a mix.
 *
 * @param bots the bots, in the order they are asked: highest {@code priority} first, and in the order given (file
 *             name order) among bots of one priority
 */
public record RuleSet(List<BotDefinition> bots) {

    /** The rule set of a bot folder with no rule files. */
    public static final RuleSet EMPTY = new RuleSet(List.of());

    public RuleSet {
        // a stable sort: bots of one priority keep their file order
        bots = bots.stream().sorted(Comparator.comparingInt(BotDefinition::priority).reversed()).toList();
    }
}
