package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.ClearState;
import io.hookbot.api.Reply;
import io.hookbot.api.SetState;

import java.util.function.Function;

/** An action as written in a rule file, before its templates are filled in for a turn. */
sealed interface RuleAction {

    /**
     * @param values the turn's template values
     * @return the action for this turn
     */
    Action toAction(Function<String, String> values);

    /** @param text the reply's template */
    record ReplyAction(Template text) implements RuleAction {
        @Override
        public Action toAction(Function<String, String> values) {
            return Reply.text(text.render(values));
        }
    }

    /**
     * @param key   the state key
     * @param value the value's template
     */
    record SetAction(String key, Template value) implements RuleAction {
        @Override
        public Action toAction(Function<String, String> values) {
            return new SetState(key, value.render(values));
        }
    }

    /** @param key the state key */
    record ClearAction(String key) implements RuleAction {
        @Override
        public Action toAction(Function<String, String> values) {
            return new ClearState(key);
        }
    }
}
