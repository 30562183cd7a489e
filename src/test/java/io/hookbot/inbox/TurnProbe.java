package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import io.hookbot.bot.Turn;
import io.hookbot.bot.TurnProcessor;
import io.hookbot.bot.TurnResult;
import io.hookbot.bot.guard.TurnGuards;
import io.hookbot.bot.plugins.PluginDispatch;
import io.hookbot.bot.rules.CountingObserver;
import io.hookbot.bot.rules.RuleBook;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A turn processor for ordering tests (active with {@code test.turn-probe=true}): each turn takes a random 0–2 ms,
 * as a slow rule or plugin would, and the probe records, per conversation, the texts in the order they were turned
 * and whether two turns of one conversation ever overlapped, plus the most turns in flight at once overall.
 */
@Singleton
@Replaces(TurnProcessor.class)
@Requires(property = "test.turn-probe", value = "true")
public class TurnProbe extends TurnProcessor {

    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, List<String>> seen = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final AtomicInteger turns = new AtomicInteger();

    public TurnProbe(RuleBook rules, PluginDispatch plugins, TurnGuards guards, CountingObserver counting) {
        super(rules, plugins, guards, counting);
    }

    @Override
    public TurnResult process(Turn turn) {
        String conversation = turn.event().conversation();
        AtomicInteger mine = inFlight.computeIfAbsent(conversation, k -> new AtomicInteger());
        if (mine.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(2_000_000));
            String text = turn.event() instanceof MessageReceived m ? m.text() : turn.event().toString();
            seen.computeIfAbsent(conversation, k -> Collections.synchronizedList(new ArrayList<>())).add(text);
            return new TurnResult(List.of(), turn.conversation().state(), List.of(), List.of());
        } finally {
            running.decrementAndGet();
            mine.decrementAndGet();
            turns.incrementAndGet();
        }
    }

    /** @return per conversation, the texts in the order they were turned */
    public Map<String, List<String>> seen() {
        return seen;
    }

    /**
     * @param conversation a conversation key
     * @return the texts turned in it so far, in order (a copy)
     */
    public List<String> turned(String conversation) {
        List<String> texts = seen.get(conversation);
        if (texts == null) {
            return List.of();
        }
        synchronized (texts) {
            return new ArrayList<>(texts);
        }
    }

    /**
     * Waits until a conversation has had as many turns as texts given, then checks they are those texts, in order.
     *
     * @param conversation a conversation key
     * @param texts        the texts expected
     */
    public void awaitTurned(String conversation, String... texts) {
        io.hookbot.testing.Eventually.await("turns " + List.of(texts), () -> turned(conversation).size() >= texts.length);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(texts), turned(conversation));
    }

    /** @return how many times a turn started while another of its conversation was in flight */
    public int overlaps() {
        return overlaps.get();
    }

    /** @return the most turns in flight at once, over all conversations */
    public int maxRunning() {
        return maxRunning.get();
    }

    /** @return how many turns were taken */
    public int turns() {
        return turns.get();
    }
}
