package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.bot.rules.yaml.Location;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bot read from one rule file: the channels it serves, its priority among the bots, its rules in priority
 * order with the word index that finds the ones a message may fire, and how a fired rule's actions are made. The
 * {@link Evaluator} walks the rules: the first rule that fires ends the turn for this bot, unless it says
 * {@code continue: true}; a bot that ends its turn so has answered, and the bots of lower priority are not asked
 * ({@link Precedence}). Immutable, so a turn can hold on to it while a reload puts a new version in force.
 */
public final class BotDefinition {

    private final String name;
    private final Location location;
    private final String file;
    private final int priority;
    private final Set<String> channels;
    private final ZoneId zone;
    private final List<Rule> rules;
    private final RuleIndex index;

    BotDefinition(String name, Location location, int priority, Set<String> channels, ZoneId zone, List<Rule> rules) {
        this.name = name;
        this.location = location;
        this.file = location.file();
        this.priority = priority;
        this.channels = Set.copyOf(channels);
        this.zone = zone;
        this.rules = List.copyOf(rules);
        this.index = new RuleIndex(this.rules);
    }

    /** @return the bot's name */
    public String name() {
        return name;
    }

    /** @return where its name is written: its file, and the line and column of {@code bot:}'s value */
    public Location location() {
        return location;
    }

    /** @return the file it was read from */
    public String file() {
        return file;
    }

    /**
     * @return its {@code priority}: bots are asked in order of priority, highest first (default 0); one that answers
     *         an event keeps the bots of lower priority from answering it
     */
    public int priority() {
        return priority;
    }

    /** @return the channels it serves; empty means all */
    public Set<String> channels() {
        return channels;
    }

    /** @return the time zone its times of day and {@code now} are in */
    public ZoneId zone() {
        return zone;
    }

    /**
     * @param channel a channel name
     * @return whether this bot answers events of that channel
     */
    public boolean serves(String channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    /** @return how many rules the bot has */
    public int ruleCount() {
        return rules.size();
    }

    /** @return how many message rules are tried for every message because they need no particular word */
    public int unindexedRuleCount() {
        return index.unfiledCount();
    }

    /** @return its rules, in the order they are tried */
    public List<Rule> rules() {
        return rules;
    }

    /** @return the positions of the rules that may answer the event, in order (see {@link RuleIndex}) */
    int[] candidates(TurnFacts facts) {
        return index.candidates(facts);
    }

    /**
     * Runs this bot's rules against an event, whatever channels it serves ({@link Evaluator}).
     *
     * @param evaluation the event, the state, and what the turn has: plugins, guardrails, lookups, an observer
     * @return what the bot did, and whether it answered
     */
    public Outcome answer(Evaluation evaluation) {
        return Evaluator.evaluate(this, evaluation);
    }

    /** @return the schedule of each {@code on: schedule} rule, by rule name, in file order */
    public Map<String, Schedule> schedules() {
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (rule.schedule() != null) {
                schedules.put(rule.name(), rule.schedule());
            }
        }
        return schedules;
    }

    /** Adds a fired rule's actions, applying its state changes as it goes so later templates see them. */
    void fire(Rule rule, TurnFacts facts, Map<String, String> captures, Map<String, String> state, List<Action> actions) {
        fire(rule, facts, captures, state, actions, PluginHandoff.NONE);
    }

    /** As above; a plugin's actions are applied and added in place of its {@code plugin:} action. */
    void fire(Rule rule, TurnFacts facts, Map<String, String> captures, Map<String, String> state, List<Action> actions,
              PluginHandoff plugins) {
        TemplateValues values = new TemplateValues(name, zone, facts, captures, state);
        for (RuleAction ruleAction : rule.actions()) {
            if (ruleAction instanceof RuleAction.PluginAction handOff) {
                List<Action> answered = plugins.handOff(handOff.plugin(), handOff.render(values),
                        withoutNulls(captures), Map.copyOf(state));
                for (Action action : answered) {
                    StateActions.apply(action, state);
                    actions.add(action);
                }
                continue;
            }
            Action action = ((RuleAction.Direct) ruleAction).toAction(values);
            StateActions.apply(action, state);
            actions.add(action);
        }
    }

    private static Map<String, String> withoutNulls(Map<String, String> captures) {
        if (!captures.containsValue(null)) {
            return captures;
        }
        Map<String, String> present = new HashMap<>(captures);
        present.values().removeIf(java.util.Objects::isNull);
        return present;
    }

    @Override
    public String toString() {
        return "bot " + name + " (" + file + ", " + rules.size() + " rules)";
    }
}
