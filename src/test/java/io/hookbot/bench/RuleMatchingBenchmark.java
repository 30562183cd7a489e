package io.hookbot.bench;

import io.hookbot.bot.rules.Evaluation;
import io.hookbot.api.Action;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.bot.rules.BotDefinition;
import io.hookbot.bot.rules.RuleFileParser;
import io.hookbot.bot.rules.RuleFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cost of answering one message with a bot of 10 or 10,000 rules (half keyword rules, half regex rules of the
 * form {@code ^order\s+<i>\s+#(\d+)}): a message that hits a regex rule, one that hits a keyword rule, and one that
 * matches nothing. Each call is one whole {@link BotDefinition#answer}: folding the text, finding candidates,
 * testing them, filling in the reply.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RuleMatchingBenchmark {

    @Param({"10", "10000"})
    public int rules;

    private BotDefinition bot;
    private MessageReceived regexHit;
    private MessageReceived keywordHit;
    private MessageReceived miss;

    @Setup
    public void setUp() {
        bot = new RuleFileParser().parse("big.yml", RuleFiles.generated(rules));
        regexHit = message("order 3 #12345");
        keywordHit = message("hi, kw2 please");
        miss = message("Hello, is anybody there? I have a question about my parcel");
    }

    @Benchmark
    public List<Action> regexRuleHit() {
        return answer(regexHit);
    }

    @Benchmark
    public List<Action> keywordRuleHit() {
        return answer(keywordHit);
    }

    @Benchmark
    public List<Action> noRuleMatches() {
        return answer(miss);
    }

    private List<Action> answer(MessageReceived message) {
        return bot.answer(Evaluation.of(message, "sms-gateway", message.timestamp(), Map.of())).actions();
    }

    private static MessageReceived message(String text) {
        return new MessageReceived("sms-main", "conv", User.of("+15550001"), text, MessageKind.TEXT, List.of(), null,
                Instant.parse("2024-05-06T12:00:00Z"), null, Map.of());
    }
}
