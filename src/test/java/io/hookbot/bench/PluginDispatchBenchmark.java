package io.hookbot.bench;

import io.hookbot.bot.rules.Evaluation;
import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.PresenceView;
import io.hookbot.api.Reply;
import io.hookbot.api.User;
import io.hookbot.bot.plugins.LoadedPlugin;
import io.hookbot.bot.plugins.PluginDispatch;
import io.hookbot.bot.plugins.PluginFailures;
import io.hookbot.bot.plugins.PluginRunner;
import io.hookbot.bot.rules.BotDefinition;
import io.hookbot.bot.rules.PluginHandoff;
import io.hookbot.bot.rules.RuleFileParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What plugins add to a turn. Each call is one whole {@link BotDefinition#answer} of a small bot for one message:
 * <ul>
 *   <li>{@code rulesOnly}: a rule replies; no plugin machinery at all (the baseline);</li>
 *   <li>{@code ruleWithDispatchNoPluginCalled}: the same rule, with the turn's plugin handoff made as
 *       {@code TurnProcessor} makes it (what every turn pays once plugins exist);</li>
 *   <li>{@code pluginCalled}: the rule hands the turn to a trivial plugin, run by {@link PluginRunner}: on the
 *       turn's thread, under the watchdog (building its {@code PluginTurn} and presence view, calling, checking and
 *       copying its answer); a plugin that never overruns is never quarantined, so this is the cost of every call of
 *       a well-behaved plugin;</li>
 *   <li>{@code pluginCalledQuarantined}: the same plugin after it overran once (in its state's setup, which waits
 *       out one budget), so quarantined: on a plugin thread, the turn's thread waiting with a timeout.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PluginDispatchBenchmark {

    private static final Instant NOW = Instant.parse("2024-05-06T12:00:00Z");

    private BotDefinition replyBot;
    private BotDefinition pluginBot;
    private MessageReceived message;
    private PluginRunner runner;
    private PluginDispatch dispatch;
    private LoadedPlugin plugin;

    @Setup
    public void setUp() {
        replyBot = new RuleFileParser().parse("reply.yml", """
                bot: reply
                rules:
                  - when: { regex: 'order\\s+(?<order>\\d+)' }
                    then: [{reply: "Order {{match.order}} has shipped"}]
                """);
        pluginBot = new RuleFileParser().parse("plugin.yml", """
                bot: plugin
                rules:
                  - when: { regex: 'order\\s+(?<order>\\d+)' }
                    then: [{plugin: orders, with: {shop: acme}}]
                """);
        message = new MessageReceived("sms-main", "conv", User.of("+15550001"), "order 12345", MessageKind.TEXT,
                List.of(), null, NOW, null, Map.of());
        plugin = new LoadedPlugin(new BotPlugin() {
            @Override
            public String id() {
                return "orders";
            }

            @Override
            public List<Action> onMessage(MessageReceived m, PluginTurn turn) {
                return List.of(Reply.text("Order " + turn.captures().get("order") + " has shipped"));
            }
        }, "bench", Map.of());
        runner = new PluginRunner(Duration.ofSeconds(2), 2, new PluginFailures());
        dispatch = new PluginDispatch(id -> plugin, runner, PresenceView.empty());
    }

    @TearDown
    public void tearDown() {
        runner.close();
    }

    /** A runner in which the plugin's id is quarantined: made only for the benchmark that uses it. */
    @State(Scope.Benchmark)
    public static class Quarantined {
        private PluginRunner runner;
        private PluginDispatch dispatch;

        @Setup
        public void setUp(PluginDispatchBenchmark bench) {
            runner = new PluginRunner(Duration.ofSeconds(2), 2, new PluginFailures());
            // one call of a plugin of that id overruns its budget (it returns when interrupted): it is quarantined
            runner.call(new BotPlugin() {
                @Override
                public String id() {
                    return "orders";
                }

                @Override
                public List<Action> onMessage(MessageReceived m, PluginTurn turn) {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        // the watchdog's interrupt at the deadline
                    }
                    return List.of();
                }
            }, new PluginTurn(0, bench.message, Map.of(), Map.of(), Map.of(), Map.of(), Clock.fixed(NOW, ZoneOffset.UTC),
                    null));
            if (!runner.quarantined().contains("orders")) {
                throw new IllegalStateException("orders was not quarantined");
            }
            dispatch = new PluginDispatch(id -> bench.plugin, runner, PresenceView.empty());
        }

        @TearDown
        public void tearDown() {
            runner.close();
        }
    }

    @Benchmark
    public List<Action> rulesOnly() {
        return answer(replyBot, PluginHandoff.NONE);
    }

    @Benchmark
    public List<Action> ruleWithDispatchNoPluginCalled() {
        return answer(replyBot, dispatch.forTurn(1, message, NOW));
    }

    @Benchmark
    public List<Action> pluginCalled() {
        return answer(pluginBot, dispatch.forTurn(1, message, NOW));
    }

    @Benchmark
    public List<Action> pluginCalledQuarantined(Quarantined quarantined) {
        return answer(pluginBot, quarantined.dispatch.forTurn(1, message, NOW));
    }

    private List<Action> answer(BotDefinition bot, PluginHandoff handoff) {
        return bot.answer(Evaluation.of(message, "sms-gateway", NOW, Map.of()).with(handoff)).actions();
    }
}
