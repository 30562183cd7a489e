package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
import io.hookbot.bot.TurnProcessor;
import io.hookbot.bot.guard.Blocked;
import io.hookbot.bot.guard.Firing;
import io.hookbot.bot.guard.FiringGate;
import io.hookbot.bot.rules.yaml.Location;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A bot read from one rule file: the channels it serves, its priority among the bots, and its rules in priority
 * order. The first rule that fires ends the turn for this bot, unless it says {@code continue: true}; a bot that ends
 * its turn so has answered, and the bots of lower priority are not asked ({@link Precedence}). Immutable, so a turn
 * can hold on to it while a reload puts a new version in force.
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
     * @return whether the bot answered (see the full form)
     */
    public boolean answer(Event event, String platform, Instant now, Map<String, String> state, List<Action> actions,
                          List<String> matched) {
        return answer(event, platform, now, state, actions, matched, PluginHandoff.NONE);
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
     * @return whether the bot answered (see the full form)
     */
    public boolean answer(Event event, String platform, Instant now, Map<String, String> state, List<Action> actions,
                          List<String> matched, PluginHandoff plugins) {
        return answer(event, platform, now, state, actions, matched, plugins, FiringGate.OPEN, TurnLookups.NONE);
    }

    /** {@link #answer(Event, String, Instant, Map, List, List, PluginHandoff, FiringGate, TurnLookups)} with no lookups. */
    public boolean answer(Event event, String platform, Instant now, Map<String, String> state, List<Action> actions,
                          List<String> matched, PluginHandoff plugins, FiringGate gate) {
        return answer(event, platform, now, state, actions, matched, plugins, gate, TurnLookups.NONE);
    }

    /** {@link #answer(Event, String, Instant, Map, List, List, PluginHandoff, FiringGate, TurnLookups)} unguarded. */
    public boolean answer(Event event, String platform, Instant now, Map<String, String> state, List<Action> actions,
                          List<String> matched, PluginHandoff plugins, TurnLookups lookups) {
        return answer(event, platform, now, state, actions, matched, plugins, FiringGate.OPEN, lookups);
    }

    /**
     * Runs the rules against an event, handing the turn to plugins where a rule says so, with presence and
     * first-message knowledge for the conditions that ask for them, and asking the guardrails before a rule that
     * fired runs its actions. A rule that a guardrail blocks does nothing, and counts as having answered: the rules
     * below it are not tried (unless it says {@code continue: true}), so a cooldown or quiet hours never let a
     * fallback rule answer in its place.
     *
     * @param event    the event
     * @param platform the platform of its channel, or {@code null} if unknown
     * @param now      the time of the turn
     * @param state    the conversation state, updated as state actions fire
     * @param actions  where the actions go
     * @param matched  where the names of the rules that fired go, as {@code bot/rule}, with
     *                 {@code (blocked by <guardrail>)} after a blocked one
     * @param plugins  how a {@code plugin:} action reaches its plugin
     * @param gate     the guardrails
     * @param lookups  presence and first-message knowledge
     * @return whether the bot answered: its turn ended at a rule that fired (or was blocked) without
     *         {@code continue: true}, which keeps the bots of lower priority from answering
     */
    public boolean answer(Event event, String platform, Instant now, Map<String, String> state, List<Action> actions,
                          List<String> matched, PluginHandoff plugins, FiringGate gate, TurnLookups lookups) {
        Facts facts = Facts.of(event, platform, state, now, lookups);
        for (int position : index.candidates(facts)) {
            Rule rule = rules.get(position);
            Map<String, String> captures = new HashMap<>();
            if (!rule.trigger().matches(event) || !rule.condition().test(facts, captures)) {
                continue;
            }
            Firing firing = new Firing(name, rule.name(), rule.guardrails(), event, now, rule.sends());
            Optional<Blocked> blocked = gate.check(firing);
            if (blocked.isPresent()) {
                matched.add(firing.name() + " (blocked by " + blocked.get().guardrail().written() + ")");
            } else {
                matched.add(firing.name());
                int before = actions.size();
                fire(rule, facts, captures, state, actions, plugins);
                gate.fired(firing, messages(actions.subList(before, actions.size())));
            }
            if (!rule.continueAfter()) {
                return true;
            }
        }
        return false;
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

    /**
     * Fires a schedule rule: its actions, with {@code bot} and {@code now} as the only template values, after its
     * guardrails (quiet hours, a cooldown) allow it.
     *
     * @param ruleName the rule
     * @param now      the time of the firing
     * @param plugins  how a {@code plugin:} action reaches its plugin
     * @param gate     the guardrails
     * @param actions  where the actions go
     * @return the guardrail that blocked the firing, or empty if it ran
     * @throws IllegalArgumentException if the bot has no schedule rule of that name
     */
    public Optional<Blocked> fireScheduled(String ruleName, Instant now, PluginHandoff plugins, FiringGate gate,
                                           List<Action> actions) {
        Rule rule = rules.stream().filter(r -> r.name().equals(ruleName) && r.schedule() != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("bot " + name + " has no schedule rule " + ruleName));
        Firing firing = new Firing(name, rule.name(), rule.guardrails(), null, now, rule.sends());
        Optional<Blocked> blocked = gate.check(firing);
        if (blocked.isEmpty()) {
            int before = actions.size();
            fire(rule, Facts.of(null, null, Map.of(), now), new HashMap<>(), new HashMap<>(), actions, plugins);
            gate.fired(firing, messages(actions.subList(before, actions.size())));
        }
        return blocked;
    }

    private static int messages(List<Action> actions) {
        return (int) actions.stream().filter(a -> a instanceof Reply || a instanceof Send).count();
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
