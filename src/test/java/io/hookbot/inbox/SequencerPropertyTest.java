package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.hookbot.channel.webinato.WebinatoPlatform;
import io.hookbot.inbox.WebinatoOrderModel.Call;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real Webinato parser and the real {@link Sequencer} against {@link WebinatoOrderModel}, over generated
 * {@link OrderWorld}s, with the inbox's tables replaced by memory so that thousands of worlds run in seconds: the
 * door dedupes by the parser's keys, and every pass takes a random number of pending events (1 to 8), so calls are
 * cut at every possible place. The same worlds run over HTTP on H2 and PostgreSQL in
 * {@link WebinatoOrderPropertyTests}. A failing world prints its knobs; {@code @Property(seed = "…")} replays it.
 */
class SequencerPropertyTest {

    private static final ChannelConfig CHANNEL = new ChannelConfig("room-42", "webinato", Map.of("token", "t"));

    /** Each try runs up to 32 worlds (about 1,000 per run of 60 tries, {@code jqwik.tries.default}). */
    @Property
    void turnsWhatTheModelTurnsHowEverTheCallsAreCutIntoPasses(@ForAll("worlds") List<OrderWorld> worlds,
                                                               @ForAll("pageSizes") List<Integer> pages)
            throws Exception {
        for (OrderWorld world : worlds) {
            run(world, pages);
        }
    }

    private static void run(OrderWorld world, List<Integer> pages) throws Exception {
        MemoryInbox inbox = new MemoryInbox();
        MemorySequences sequences = new MemorySequences();
        MutableClock clock = new MutableClock();
        WebinatoPlatform platform = new WebinatoPlatform();
        Sequencer sequencer = new Sequencer(inbox, sequences, new SequencerSettings(Duration.ofSeconds(OrderWorld.TIMEOUT)),
                clock);
        List<WebinatoOrderModel> models = new ArrayList<>();
        world.rooms().forEach(r -> models.add(new WebinatoOrderModel(OrderWorld.TIMEOUT)));
        Map<String, List<String>> turned = new HashMap<>();
        int[] pass = {0};

        for (int round = 0; round < world.rounds(); round++) {
            for (int room = 0; room < world.rooms().size(); room++) {
                for (Call call : world.rooms().get(room).get(round).calls()) {
                    models.get(room).deliver(call, clock.seconds());
                    inbox.store(read(platform, Integer.toString(room), call));
                }
            }
            OrderWorld.Global global = world.globals().get(round);
            drain(inbox, sequencer, pages, pass, turned);
            if (global != OrderWorld.Global.NOTHING) {
                // an application restart loses nothing: the sequencer keeps no state of its own
                sequencer = global == OrderWorld.Global.APP_RESTART ? new Sequencer(inbox, sequences,
                        new SequencerSettings(Duration.ofSeconds(OrderWorld.TIMEOUT)), clock) : sequencer;
                clock.advance(OrderWorld.seconds(global));
                models.forEach(m -> m.advance(clock.seconds()));
                for (ConversationRef due : sequencer.gapsDue(null)) {
                    List<InboxStore.StoredEvent> turns = sequencer.order(null, due, List.of(), false);
                    inbox.finish(null, turns.stream().map(InboxStore.StoredEvent::id).toList(), null);
                    turned.computeIfAbsent(due.key(), k -> new ArrayList<>()).addAll(texts(turns));
                }
                drain(inbox, sequencer, pages, pass, turned);
            }
            for (int room = 0; room < models.size(); room++) {
                String key = "room:" + room;
                assertEquals(models.get(room).turned(), turned.getOrDefault(key, List.of()),
                        "room " + room + " after round " + round);
                assertEquals(models.get(room).held(), inbox.held(key, false), "held messages in room " + room);
                assertEquals(models.get(room).heldCalls(), inbox.held(key, true), "held calls in room " + room);
            }
        }
        for (int room = 0; room < models.size(); room++) {
            WebinatoOrderModel model = models.get(room);
            assertEquals(model.turned().size(), new HashSet<>(model.turned()).size(), "the model turns nothing twice");
            assertEquals(distinctMessages(world, room), new HashSet<>(model.turned()), "the model loses nothing");
            SequenceState state = sequences.states.get("room:" + room);
            assertEquals(model.skipped(), state.skipped(), "skipped in room " + room);
            assertEquals(model.restarts(), state.restarts(), "restarts in room " + room);
        }
    }

    @Provide
    Arbitrary<List<OrderWorld>> worlds() {
        return OrderWorld.worlds(4, true).list().ofMinSize(1).ofMaxSize(32);
    }

    @Provide
    Arbitrary<List<Integer>> pageSizes() {
        return Arbitraries.integers().between(1, 8).list().ofMinSize(1).ofMaxSize(16);
    }

    static Set<String> distinctMessages(OrderWorld world, int room) {
        Set<String> texts = new HashSet<>();
        world.rooms().get(room).forEach(r -> r.calls().forEach(c -> c.messages().forEach(m -> texts.add(m.text()))));
        return texts;
    }

    /** Passes until nothing is pending, each taking the next page size of the list. */
    private static void drain(MemoryInbox inbox, Sequencer sequencer, List<Integer> pages, int[] pass,
                              Map<String, List<String>> turned) throws Exception {
        for (ConversationRef ref : inbox.withPending()) {
            while (true) {
                int limit = pages.get(pass[0]++ % pages.size());
                List<StoredRow> page = inbox.pending(null, ref, limit);
                if (page.isEmpty()) {
                    break;
                }
                List<InboxStore.StoredEvent> turns = sequencer.order(null, ref, page, page.size() >= limit);
                // what the dispatcher does after the turns: they are done
                inbox.finish(null, turns.stream().map(InboxStore.StoredEvent::id).toList(), null);
                turned.computeIfAbsent(ref.key(), k -> new ArrayList<>()).addAll(texts(turns));
            }
        }
    }

    private static List<String> texts(List<InboxStore.StoredEvent> turns) {
        return turns.stream().map(e -> ((MessageReceived) e.event()).text()).toList();
    }

    private static List<InboundEvent> read(WebinatoPlatform platform, String room, Call call)
            throws WebhookRejection {
        byte[] body = OrderWorld.form(room, call).getBytes(StandardCharsets.UTF_8);
        return platform.read(CHANNEL, new WebhookRequest("application/x-www-form-urlencoded", body,
                Map.of("token", "t")));
    }

    /** The inbox table in memory: the door's dedupe, statuses, and the queries the sequencer makes. */
    static final class MemoryInbox extends InboxStore {
        private record Row(long id, String key, InboundEvent event, String[] status) {
            StoredRow stored() {
                return event.batchMark() != null ? new StoredRow.Mark(id, event.batchMark())
                        : new StoredEvent(id, event.event());
            }

            String channel() {
                return event.batchMark() != null ? event.batchMark().channel() : event.event().channel();
            }
        }

        private final List<Row> rows = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();

        void store(List<InboundEvent> events) {
            for (InboundEvent event : events) {
                if (keys.add(event.dedupeKey())) {
                    rows.add(new Row(rows.size() + 1, event.dedupeKey(), event, new String[] {PENDING}));
                }
            }
        }

        List<ConversationRef> withPending() {
            return rows.stream().filter(r -> r.status()[0].equals(PENDING))
                    .map(r -> new ConversationRef(r.channel(), r.event().conversation()))
                    .distinct().toList();
        }

        /** @return the conversation's held markers (one per call) or messages */
        int held(String conversation, boolean markers) {
            return (int) rows.stream().filter(r -> r.status()[0].equals(HELD))
                    .filter(r -> r.event().conversation().equals(conversation))
                    .filter(r -> (r.event().batchMark() != null) == markers).count();
        }

        private List<StoredRow> select(ConversationRef ref, String status, long afterId, int limit) {
            return rows.stream().filter(r -> r.status()[0].equals(status) && r.id() > afterId)
                    .filter(r -> r.event().conversation().equals(ref.key()))
                    .limit(limit).map(Row::stored).toList();
        }

        @Override
        public List<StoredRow> pending(Connection connection, ConversationRef ref, int limit) {
            return select(ref, PENDING, 0, limit);
        }

        @Override
        public List<StoredRow> pendingAfter(Connection connection, ConversationRef ref, long afterId, int limit) {
            return select(ref, PENDING, afterId, limit);
        }

        @Override
        public List<StoredRow> held(Connection connection, ConversationRef ref) {
            return select(ref, HELD, 0, Integer.MAX_VALUE);
        }

        @Override
        public void hold(Connection connection, List<Long> ids) {
            ids.forEach(id -> rows.get((int) (id - 1)).status()[0] = HELD);
        }

        @Override
        public void finish(Connection connection, List<Long> ids, List<String> errors) {
            ids.forEach(id -> rows.get((int) (id - 1)).status()[0] = DONE);
        }
    }

    /** The {@code sequence_state} table in memory. */
    static final class MemorySequences extends SequenceStore {
        final Map<String, SequenceState> states = new HashMap<>();

        @Override
        public Optional<SequenceState> load(Connection connection, ConversationRef ref) {
            return Optional.ofNullable(states.get(ref.key()));
        }

        @Override
        public void save(Connection connection, ConversationRef ref, SequenceState state) {
            states.put(ref.key(), state);
        }

        @Override
        public List<ConversationRef> gapsOpenedBefore(Connection connection, Instant openedBy) {
            return states.entrySet().stream()
                    .filter(e -> e.getValue().gapSince() != null && !e.getValue().gapSince().isAfter(openedBy))
                    .map(e -> new ConversationRef("room-42", e.getKey())).sorted((a, b) -> a.key().compareTo(b.key()))
                    .toList();
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2024-05-06T09:00:00Z");

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        long seconds() {
            return now.getEpochSecond();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
