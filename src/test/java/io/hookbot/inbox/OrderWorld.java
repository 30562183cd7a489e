package io.hookbot.inbox;

import io.hookbot.inbox.WebinatoOrderModel.Call;
import io.hookbot.inbox.WebinatoOrderModel.Message;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Generated Webinato deliveries for the order properties: several rooms at once, each a timeline of room sessions
 * (numbering from 1 again after a restart, msgIDs continuing or starting again with later times), calls of 0–3 new
 * messages, calls of repeats only, calls resent whole, calls arriving out of order; and, shared by all rooms, the
 * clock moving (a little, or past the gap timeout) and the application restarting.
 *
 * <p>A world is a list of rounds: in a round each room gets its next 0–2 calls, then one thing happens to all
 * rooms (or nothing). The generator's knobs (sessions, calls, how much is reordered, resent, repeated, how often
 * the clock jumps or the app restarts) are jqwik values, so a failing world shrinks towards fewer rooms, shorter
 * sessions and fewer disturbances; the seed then fixes the rest.
 */
record OrderWorld(List<List<Round>> rooms, List<Global> globals) {

    /** The gap timeout every world is run with, in seconds. */
    static final long TIMEOUT = 400;

    /** What happens to all rooms after a round. */
    enum Global { NOTHING, TICK, GAP_TIMEOUT_PASSES, APP_RESTART }

    /** One room's calls in one round, in delivery order. */
    record Round(List<Call> calls) {
    }

    /** @return the number of rounds */
    int rounds() {
        return globals.size();
    }

    /** @return seconds the clock moves after a round */
    static long seconds(Global global) {
        return switch (global) {
            case TICK -> 60;
            case GAP_TIMEOUT_PASSES -> TIMEOUT + 1;
            default -> 0;
        };
    }

    /** The knobs of one world. */
    record Knobs(int rooms, int sessions, int calls, int reorder, int resend, int repeats, int jumps, int restarts,
                 long seed) {
    }

    /**
     * @param maxRooms the most rooms a world has
     * @param allowAppRestarts whether the application may restart (costly over HTTP)
     * @return worlds
     */
    static Arbitrary<OrderWorld> worlds(int maxRooms, boolean allowAppRestarts) {
        Arbitrary<Integer> rooms = Arbitraries.integers().between(1, maxRooms);
        Arbitrary<Integer> sessions = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> calls = Arbitraries.integers().between(1, 7);
        Arbitrary<Integer> percent = Arbitraries.integers().between(0, 50);
        Arbitrary<Integer> restarts = allowAppRestarts ? Arbitraries.integers().between(0, 10) : Arbitraries.just(0);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(rooms, sessions, calls, percent, percent, percent, percent, restarts)
                .flatAs((r, s, c, reorder, resend, repeats, jumps, restart) -> seed.map(x ->
                        build(new Knobs(r, s, c, reorder, resend, repeats, jumps, restart, x))));
    }

    static OrderWorld build(Knobs knobs) {
        Random random = new Random(knobs.seed());
        List<List<Call>> deliveries = new ArrayList<>();
        for (int room = 0; room < knobs.rooms(); room++) {
            deliveries.add(deliveries(knobs, random));
        }
        // rounds: each room gets its next 0-2 calls per round until all rooms are done
        List<List<Round>> rooms = new ArrayList<>();
        deliveries.forEach(d -> rooms.add(new ArrayList<>()));
        List<Global> globals = new ArrayList<>();
        int[] next = new int[deliveries.size()];
        boolean more = true;
        while (more) {
            more = false;
            for (int room = 0; room < deliveries.size(); room++) {
                List<Call> mine = deliveries.get(room);
                int take = Math.min(random.nextInt(3), mine.size() - next[room]);
                rooms.get(room).add(new Round(List.copyOf(mine.subList(next[room], next[room] + take))));
                next[room] += take;
                more |= next[room] < mine.size();
            }
            int roll = random.nextInt(100);
            globals.add(roll < knobs.jumps() / 3 ? Global.GAP_TIMEOUT_PASSES
                    : roll < knobs.jumps() ? Global.TICK
                    : roll < knobs.jumps() + knobs.restarts() ? Global.APP_RESTART
                    : Global.NOTHING);
        }
        globals.set(globals.size() - 1, Global.GAP_TIMEOUT_PASSES);     // in the end every gap is given up
        return new OrderWorld(rooms, globals);
    }

    /** One room: the platform's timeline of calls, then disturbed into the order they are delivered in. */
    private static List<Call> deliveries(Knobs knobs, Random random) {
        List<Call> timeline = new ArrayList<>();
        long msgId = 1;
        long ts = 1_460_000_000L + random.nextInt(1000);
        List<Message> sent = new ArrayList<>();
        for (int session = 0; session < knobs.sessions(); session++) {
            if (session > 0 && random.nextBoolean()) {
                msgId = 1;                                   // msgIDs start again too: their times tell them apart
            }
            int calls = 1 + random.nextInt(knobs.calls());
            for (long batch = 1; batch <= calls; batch++) {
                List<Message> messages = new ArrayList<>();
                if (!sent.isEmpty() && random.nextInt(100) < knobs.repeats()) {
                    // Webinato resending what it believes failed, under the next number, maybe with new ones
                    int from = Math.max(0, sent.size() - 1 - random.nextInt(3));
                    messages.addAll(sent.subList(from, sent.size()));
                }
                int fresh = random.nextInt(4);
                for (int i = 0; i < fresh; i++) {
                    Message message = new Message(msgId++, ts);
                    ts += 1 + random.nextInt(5);
                    messages.add(message);
                    sent.add(message);
                }
                if (random.nextInt(4) == 0) {
                    Collections.shuffle(messages, random);   // listed in any order
                }
                timeline.add(new Call(batch, List.copyOf(messages)));
            }
        }
        List<Call> delivered = new ArrayList<>(timeline);
        for (int i = 0; i + 1 < delivered.size(); i++) {
            if (random.nextInt(100) < knobs.reorder()) {
                int j = Math.min(delivered.size() - 1, i + 1 + random.nextInt(3));
                delivered.add(j, delivered.remove(i));        // arrives after up to three later calls
            }
        }
        for (int i = delivered.size() - 1; i > 0; i--) {
            if (random.nextInt(100) < knobs.resend()) {
                delivered.add(i + 1, delivered.get(random.nextInt(i + 1)));   // an earlier call sent again, whole
            }
        }
        return delivered;
    }

    /**
     * @param room the room's id
     * @param call a call
     * @return the call as Webinato posts it, each message's text being {@link Message#text()}
     */
    static String form(String room, Call call) {
        String messages = call.messages().stream()
                .map(m -> "{\"authorName\":\"Maria Lopez\",\"authorRole\":\"0\",\"ts\":\"" + m.ts() + "\","
                        + "\"msgID\":\"" + m.id() + "\",\"text\":\"" + m.text() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return "inquiry=realTimeChat&roomID=" + room + "&sender=Webinato&batchNo=" + call.batch() + "&msgsJSON="
                + URLEncoder.encode(messages, StandardCharsets.UTF_8);
    }
}
