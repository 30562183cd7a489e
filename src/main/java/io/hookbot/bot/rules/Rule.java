package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.Location;

import java.util.List;

/**
 * One rule of a bot.
 *
 * @param name          its name, unique within the bot
 * @param location      where it is written
 * @param trigger       which events it answers
 * @param condition     what the event must satisfy
 * @param actions       what it does, in order
 * @param continueAfter whether later rules are still tried after this one fired
 */
record Rule(String name, Location location, Trigger trigger, Condition condition, List<RuleAction> actions,
            boolean continueAfter) {

    /** @return whether the rule fires for every event its trigger names and stops there */
    boolean isCatchAll() {
        return condition instanceof Condition.Always && !continueAfter;
    }
}
