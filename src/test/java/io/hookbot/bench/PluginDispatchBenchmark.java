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
 *   <li>{@code pluginCalledAuto}: the rule hands the turn to a trivial plugin, run by {@link PluginRunner} with
 *       {@code isolation: auto} (the default): on the turn's thread, under the watchdog (building its
 *       {@code PluginTurn} and presence view, calling, checking and copying its answer); a plugin that never
 *       overruns is never quarantined, so this is the cost of every call of a well-behaved plugin;</li>
 *   <li>{@code pluginCalledInline}: the same with {@code isolation: inline} (no quarantine check);</li>
 *   <li>{@code pluginCalledThread}: the same with {@code isolation: thread}, and the cost of every call of a
 *       quarantined plugin in {@code auto}: on a plugin thread, the turn's thread waiting with a timeout.</li>
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
    private PluginRunner autoRunner;
    private PluginRunner inlineRunner;
    private PluginRunner threadRunner;
    private PluginDispatch auto;
    private PluginDispatch inline;
    private PluginDispatch thread;
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
        autoRunner = new PluginRunner(Duration.ofSeconds(2), 2, "auto", new PluginFailures());
        auto = new PluginDispatch(id -> plugin, autoRunner, PresenceView.empty());
        inlineRunner = new PluginRunner(Duration.ofSeconds(2), 2, "inline", new PluginFailures());
        inline = new PluginDispatch(id -> plugin, inlineRunner, PresenceView.empty());
        threadRunner = new PluginRunner(Duration.ofSeconds(2), 2, "thread", new PluginFailures());
        thread = new PluginDispatch(id -> plugin, threadRunner, PresenceView.empty());
    }

    @TearDown
    public void tearDown() {
        autoRunner.close();
        inlineRunner.close();
        threadRunner.close();
    }

    @Benchmark
    public List<Action> rulesOnly() {
        return answer(replyBot, PluginHandoff.NONE);
    }

    @Benchmark
    public List<Action> ruleWithDispatchNoPluginCalled() {
        return answer(replyBot, auto.forTurn(1, message, NOW));
    }

    @Benchmark
    public List<Action> pluginCalledAuto() {
        return answer(pluginBot, auto.forTurn(1, message, NOW));
    }

    @Benchmark
    public List<Action> pluginCalledInline() {
        return answer(pluginBot, inline.forTurn(1, message, NOW));
    }

    @Benchmark
    public List<Action> pluginCalledThread() {
        return answer(pluginBot, thread.forTurn(1, message, NOW));
    }

    private List<Action> answer(BotDefinition bot, PluginHandoff handoff) {
        return bot.answer(Evaluation.of(message, "sms-gateway", NOW, Map.of()).with(handoff)).actions();
    }
}
