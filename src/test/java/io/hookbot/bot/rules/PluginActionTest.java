package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.Reply;
import io.hookbot.api.SetState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code plugin:} action: how it is written, checked, and how a plugin's answer joins the rule's actions. */
class PluginActionTest {

    private static final String ORDER_RULE = """
            bot: shop
            rules:
              - name: order
                when: { regex: 'order\\s+(?<number>\\d+)' }
                then:
                  - set: { asked: "{{match.number}}" }
                  - plugin: order-status
                    with: { order: "{{match.number}}", greeting: "Hi {{sender.id}}" }
                  - reply: "status was {{state.status | unknown}}"
            """;

    private static BotDefinition parse(String yaml) {
        return new RuleFileParser(Set.of("sms-main"), Set.of("order-status")).parse("bot.yml", yaml);
    }

    private static List<String> problems(String yaml) {
        return assertThrows(RuleFileException.class, () -> parse(yaml)).problems().stream()
                .map(Problem::toString).toList();
    }

    /** A handoff that records what it was given and answers with a state change and a reply. */
    private static final class Recorder implements PluginHandoff {
        final List<Map<String, Object>> calls = new ArrayList<>();

        @Override
        public List<Action> handOff(String plugin, Map<String, String> parameters, Map<String, String> captures,
                                    Map<String, String> state) {
            calls.add(Map.of("plugin", plugin, "parameters", parameters, "captures", captures, "state", state));
            return List.of(new SetState("status", "shipped"), Reply.text("order " + parameters.get("order")));
        }
    }

    @Test
    void thePluginGetsTheFilledInParametersCapturesAndStateAndItsActionsTakeItsPlace() {
        Recorder plugins = new Recorder();
        List<Action> actions = new ArrayList<>();
        Map<String, String> state = new HashMap<>();

        Outcome outcome = parse(ORDER_RULE).answer(Evaluation.of(Bots.message("order 12345"), "sms-gateway",
                Bots.NOON_UTC_MONDAY, state).with(plugins));
        actions.addAll(outcome.actions());
        state.putAll(outcome.state());

        assertEquals(List.of(Map.of("plugin", "order-status",
                "parameters", Map.of("order", "12345", "greeting", "Hi +15550001"),
                "captures", Map.of("number", "12345"),
                "state", Map.of("asked", "12345"))), plugins.calls);
        assertEquals(List.of(new SetState("asked", "12345"), new SetState("status", "shipped"),
                Reply.text("order 12345"), Reply.text("status was shipped")), actions,
                "the plugin's state change is seen by the templates after it");
        assertEquals(Map.of("asked", "12345", "status", "shipped"), state);
    }

    @Test
    void withoutAHandoffAPluginActionDoesNothing() {
        assertEquals(List.of("status was unknown"), Bots.run(parse(ORDER_RULE), Bots.message("order 7")).replies());
    }

    @Test
    void anUnknownPluginIsAMistakeAtItsIdNamingTheLoadedOnes() {
        assertEquals(List.of("bot.yml:4:17: unknown plugin 'order-stats'; plugins loaded: [order-status]"), problems("""
                bot: shop
                rules:
                  - then:
                      - plugin: order-stats
                """));
    }

    @Test
    void withNeedsAPluginAndItsTemplatesAreChecked() {
        List<String> problems = problems("""
                bot: shop
                rules:
                  - name: a
                    then:
                      - with: { x: y }
                    continue: true
                  - name: b
                    then:
                      - plugin: order-status
                        with: { order: "{{match.nope}}" }
                    continue: true
                  - name: c
                    then:
                      - plugin: order-status
                        reply: hi
                """);
        assertEquals(3, problems.size(), problems.toString());
        assertEquals("bot.yml:5:9: 'with' gives parameters to a plugin: write it under '- plugin: <id>'",
                problems.get(0));
        assertEquals(true, problems.get(1).startsWith("bot.yml:10:24: with.order: {{match.nope}}"), problems.get(1));
        assertEquals(true, problems.get(2).startsWith("bot.yml:14:9: a plugin action has only 'plugin' and 'with'"),
                problems.get(2));
    }

    @Test
    void aParserWithoutPluginsDoesNotCheckIds() {
        new RuleFileParser().parse("bot.yml", """
                bot: shop
                rules:
                  - then:
                      - plugin: anything
                """);
    }
}
