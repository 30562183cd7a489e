package io.hookbot.bot.rules;

import io.hookbot.api.Action;

import java.util.List;
import java.util.Map;

/**
 * What a turn's rules did.
 *
 * @param actions  the actions, in order
 * @param state    the conversation state after the turn (a schedule firing leaves it as it was)
 * @param matched  the rules that fired, as {@code bot/rule}, with {@code (blocked by <guardrail>)} after a blocked
 *                 one
 * @param answered whether a bot answered: its turn ended at a rule that fired (or was blocked) without
 *                 {@code continue: true}, which keeps the bots of lower priority from answering
 */
public record Outcome(List<Action> actions, Map<String, String> state, List<String> matched, boolean answered) {

    public Outcome {
        actions = List.copyOf(actions);
        state = Map.copyOf(state);
        matched = List.copyOf(matched);
    }

}
