package io.hookbot.bot;

import io.hookbot.api.Action;

import java.util.List;
import java.util.Map;

/**
 * What a turn decided.
 *
 * @param actions the actions, in order; replies among them become outbox rows numbered by their index here
 * @param state   the conversation state after the turn
 * @param matched  the rules that fired, as {@code bot/rule}, for the log
 * @param verdicts the rules that fired or were blocked, for the turn's record (the conversation timeline)
 */
public record TurnResult(List<Action> actions, Map<String, String> state, List<String> matched,
                         List<TurnVerdict> verdicts) {

    public TurnResult {
        actions = List.copyOf(actions);
        state = Map.copyOf(state);
        matched = List.copyOf(matched);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }
}
