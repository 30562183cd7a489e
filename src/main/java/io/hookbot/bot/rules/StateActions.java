package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.ClearState;
import io.hookbot.api.SetState;

import java.util.Map;

/** How the state actions change a conversation's state, for the turn's rules and for tools that replay turns. */
public final class StateActions {

    private StateActions() {
    }

    /**
     * Applies a state action to a state map; other actions leave it alone.
     *
     * @param action the action
     * @param state  the state to change
     */
    public static void apply(Action action, Map<String, String> state) {
        if (action instanceof SetState set) {
            state.put(set.key(), set.value());
        } else if (action instanceof ClearState clear) {
            state.remove(clear.key());
        }
    }
}
