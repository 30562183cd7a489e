package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.bot.TurnProcessor;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bot read from one rule file: the channels it serves and its rules in priority order. The first rule that fires
 * ends the turn for this bot, unless it says {@code continue: true}. Immutable, so a turn can hold on to it while a
 * reload puts a new version in force.
 */
public final class BotDefinition {

    private final String name;
    private final String file;
    private final Set<String> channels;
    private final ZoneId zone;
    private final List<Rule> rules;
    private final RuleIndex index;

    BotDefinition(String name, String file, Set<String> channels, ZoneId zone, List<Rule> rules) {
        this.name = name;
        this.file = file;
        this.channels = Set.copyOf(channels);
        this.zone = zone;
        this.rules = List.copyOf(rules);
        this.index = new RuleIndex(this.rules);
    }

    /** @return the bot's name */
    public String name() {
        return name;
    }

    /** @return the file it was read from */
    public String file() {
        return file;
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

    List<Rule> rules() {
        return rules;
    }

    /**
     * Runs the rules against an event.
     *
     * @param event    the event
     * @param platform the platform of its channel, or {@code null} if unknown
     * @param now      the time of the turn
     * @param state    the conversation state, updated as state actions fire
     * @param actions  where the actions go
     * @param matched  where the names of the rules that fired go, as {@code bot/rule}
     */
    public void answer(Event event, String platform, Instant now, Map<String, String> state, List<Action> actions,
                       List<String> matched) {
        answer(event, platform, now, state, actions, matched, PluginHandoff.NONE);
    }

    /**
     * Runs the rules against an event, handing the turn to plugins where a rule says so.
     *
     * @param event    the event
     * @param platform the platform of its channel, or {@code null} if unknown
     * @param now      the time of the turn
     * @param state    the conversation state, updated as state actions fire
     * @param actions  where the actions go
     * @param matched  where the names of the rules that fired go, as {@code bot/rule}
     * @param plugins  how a {@code plugin:} action reaches its plugin
     */
    public void answer(Event event, String platform, Instant now, Map<String, String> state, List<Action> actions,
                       List<String> matched, PluginHandoff plugins) {
        answer(event, platform, now, state, actions, matched, plugins, TurnLookups.NONE);
    }

    /**
     * Runs the rules against an event, handing the turn to plugins where a rule says so, with presence and
     * first-message knowledge for the conditions that ask for them.
     *
     * @param event    the event
     * @param platform the platform of its channel, or {@code null} if unknown
     * @param now      the time of the turn
     * @param state    the conversation state, updated as state actions fire
     * @param actions  where the actions go
     * @param matched  where the names of the rules that fired go, as {@code bot/rule}
     * @param plugins  how a {@code plugin:} action reaches its plugin
     * @param lookups  presence and first-message knowledge
     */
    public void answer(Event event, String platform, Instant now, Map<String, String> state, List<Action> actions,
                       List<String> matched, PluginHandoff plugins, TurnLookups lookups) {
        Facts facts = Facts.of(event, platform, state, now, lookups);
        for (int position : index.candidates(facts)) {
            Rule rule = rules.get(position);
            Map<String, String> captures = new HashMap<>();
            if (!rule.trigger().matches(event) || !rule.condition().test(facts, captures)) {
                continue;
            }
            matched.add(name + "/" + rule.name());
            fire(rule, facts, captures, state, actions, plugins);
            if (!rule.continueAfter()) {
                return;
            }
        }
    }

    /** Adds a fired rule's actions, applying its state changes as it goes so later templates see them. */
    void fire(Rule rule, Facts facts, Map<String, String> captures, Map<String, String> state, List<Action> actions) {
        fire(rule, facts, captures, state, actions, PluginHandoff.NONE);
    }

    /** As above; a plugin's actions are applied and added in place of its {@code plugin:} action. */
    void fire(Rule rule, Facts facts, Map<String, String> captures, Map<String, String> state, List<Action> actions,
              PluginHandoff plugins) {
        TemplateValues values = new TemplateValues(name, zone, facts, captures, state);
        for (RuleAction ruleAction : rule.actions()) {
            if (ruleAction instanceof RuleAction.PluginAction handOff) {
                List<Action> answered = plugins.handOff(handOff.plugin(), handOff.render(values),
                        withoutNulls(captures), Map.copyOf(state));
                for (Action action : answered) {
                    TurnProcessor.apply(action, state);
                    actions.add(action);
                }
                continue;
            }
            Action action = ((RuleAction.Direct) ruleAction).toAction(values);
            TurnProcessor.apply(action, state);
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
