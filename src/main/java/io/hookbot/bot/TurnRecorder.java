package io.hookbot.bot;

import io.hookbot.api.Action;
import io.hookbot.api.ClearState;
import io.hookbot.api.HandOff;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
import io.hookbot.api.SetState;
import io.hookbot.bot.guard.Blocked;
import io.hookbot.bot.rules.BotDefinition;
import io.hookbot.bot.rules.Rule;
import io.hookbot.bot.rules.RuleObserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running bot's observer of a turn: writes down each rule that fired or was blocked, compactly, for the turn's
 * record ({@link TurnVerdict}). It asks for no more than the turn does anyway: only the rules tried, and never the
 * words of why a rule failed (worked out only when asked, which this observer does not).
 */
final class TurnRecorder implements RuleObserver {

    private final List<TurnVerdict> verdicts = new ArrayList<>(2);

    @Override
    public void blocked(BotDefinition bot, Rule rule, Blocked blocked) {
        verdicts.add(new TurnVerdict(TurnVerdict.Kind.BLOCKED, bot.name(), rule.name(), null, null, null,
                blocked.guardrail().written(), blocked.reason()));
    }

    @Override
    public void fired(BotDefinition bot, Rule rule, Map<String, String> captures, List<Action> actions) {
        Map<String, String> kept = new LinkedHashMap<>();
        captures.forEach((name, value) -> kept.put(name, value == null || value.length() <= TurnVerdict.MAX_VALUE
                ? value : value.substring(0, TurnVerdict.MAX_VALUE) + "…"));
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (Action action : actions) {
            kinds.merge(kind(action), 1, Integer::sum);
        }
        verdicts.add(new TurnVerdict(TurnVerdict.Kind.FIRED, bot.name(), rule.name(), kept, rule.plugins(), kinds,
                null, null));
    }

    /** @return the verdicts, in the order the rules were walked */
    List<TurnVerdict> verdicts() {
        return verdicts;
    }

    private static String kind(Action action) {
        if (action instanceof Reply) {
            return "reply";
        }
        if (action instanceof Send) {
            return "send";
        }
        if (action instanceof SetState) {
            return "set";
        }
        if (action instanceof HandOff) {
            return "handoff";
        }
        return action instanceof ClearState ? "clear" : action.getClass().getSimpleName();
    }
}
