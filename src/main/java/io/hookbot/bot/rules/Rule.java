package io.hookbot.bot.rules;

import java.util.List;

/**
 * One rule of a bot.
 *
 * @param name          its name, unique within the bot
 * @param trigger       which kind of event it answers
 * @param condition     what the event must satisfy
 * @param actions       what it does, in order
 * @param continueAfter whether later rules are still tried after this one fired
 */
record Rule(String name, Trigger trigger, Condition condition, List<RuleAction> actions, boolean continueAfter) {

    /** The kinds of event a rule can answer. */
    enum Trigger {
        MESSAGE, PRESENCE, MEETING, DEVICE
    }
}
