package io.hookbot.bot.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A test a rule makes of a turn. Conditions that capture text put it in the captures map; a condition that fails
 * may leave partial captures behind, which the caller discards with the rule.
 */
sealed interface Condition permits Condition.Always, Condition.All, Condition.Any, Condition.Not,
        TextCondition.Keywords, TextCondition.Phrase, TextCondition.Regex,
        TurnCondition.Platform, TurnCondition.Channel, TurnCondition.Kind, TurnCondition.Role,
        TurnCondition.State, TurnCondition.TimeWindow, LookupCondition.Presence, LookupCondition.FirstMessage,
        LookupCondition.OptedOut {

    /**
     * @param facts    the turn
     * @param captures where named captures go
     * @return whether the turn passes
     */
    boolean test(TurnFacts facts, Map<String, String> captures);

    /** @return what the condition asks for, in the words of the rule file, for {@code try} and the docs */
    String describe();

    /** Passes every turn: a rule without {@code when}. */
    record Always() implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            return true;
        }

        @Override
        public String describe() {
            return "always";
        }
    }

    /** @param all conditions that must all pass, tried in order */
    record All(List<Condition> all) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            for (Condition condition : all) {
                if (!condition.test(facts, captures)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return all.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    /** @param any conditions of which one must pass; the first that does gives its captures */
    record Any(List<Condition> any) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            for (Condition condition : any) {
                Map<String, String> own = new HashMap<>();
                if (condition.test(facts, own)) {
                    captures.putAll(own);
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return any.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    /** @param not the condition that must fail; its captures are never kept */
    record Not(Condition not) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            return !not.test(facts, new HashMap<>());
        }

        @Override
        public String describe() {
            return "not " + not.describe();
        }
    }
}
