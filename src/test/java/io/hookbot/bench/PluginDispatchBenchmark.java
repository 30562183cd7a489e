package io.hookbot.bench;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
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

import java.time.Duration;
import java.time.Instant;
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
 *   <li>{@code pluginCalledInline}: the rule hands the turn to a trivial plugin, run by {@link PluginRunner} with
 *       {@code isolation: inline}: on the turn's thread, under the watchdog (building its {@code PluginTurn},
 *       calling, checking and copying its answer);</li>
 *   <li>{@code pluginCalledIsolated}: the same with {@code isolation: thread} (the default): on a plugin thread,
 *       the turn waiting with a timeout.</li>
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
    private PluginRunner inlineRunner;
    private PluginDispatch isolated;
    private PluginDispatch inline;
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
        isolated = new PluginDispatch(id -> plugin, runner);
        inlineRunner = new PluginRunner(Duration.ofSeconds(2), 2, "inline", new PluginFailures());
        inline = new PluginDispatch(id -> plugin, inlineRunner);
    }

    @TearDown
    public void tearDown() {
        runner.close();
        inlineRunner.close();
    }

    @Benchmark
    public List<Action> rulesOnly() {
        return answer(replyBot, PluginHandoff.NONE);
    }

    @Benchmark
    public List<Action> ruleWithDispatchNoPluginCalled() {
        return answer(replyBot, isolated.forTurn(1, message, NOW));
    }

    @Benchmark
    public List<Action> pluginCalledInline() {
        return answer(pluginBot, inline.forTurn(1, message, NOW));
    }

    @Benchmark
    public List<Action> pluginCalledIsolated() {
        return answer(pluginBot, isolated.forTurn(1, message, NOW));
    }

    private List<Action> answer(BotDefinition bot, PluginHandoff handoff) {
        List<Action> actions = new ArrayList<>(2);
        bot.answer(message, "sms-gateway", NOW, new HashMap<>(), actions, new ArrayList<>(1), handoff);
        return actions;
    }
}
