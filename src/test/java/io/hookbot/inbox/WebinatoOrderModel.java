package io.hookbot.inbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sequencing rules of docs/order-and-presence.md ("The sequencer's model") for one room, written as plainly as
 * the text and independently of the implementation: it works on whole calls and keeps everything in memory. The
 * property tests feed it and the real sequencer the same deliveries and compare what each turns.
 *
 * <p>State: whether the sequence has started, the last number released, the calls held by number, when the open
 * gap started, and the skipped and restart counters. The door (the inbox's dedupe) is part of the model: a call sent
 * again is dropped whole; a message seen before (same msgID and ts) is dropped from a new call, which still takes
 * its number.
 */
final class WebinatoOrderModel {

    /** One message as Webinato lists it. */
    record Message(long id, long ts) {
        String key() {
            return id + "@" + ts;
        }

        /** The text the generated calls give it, which the turn probe records. */
        String text() {
            return "m" + key();
        }
    }

    /** One call: its number and its messages, in the order listed. */
    record Call(long batch, List<Message> messages) {
        String key() {
            return batch + ":" + messages.stream().map(Message::key).sorted().toList();
        }
    }

    private final long timeoutSeconds;
    private final Set<String> callsSeen = new HashSet<>();
    private final Set<String> messagesSeen = new HashSet<>();
    private final TreeMap<Long, List<List<Message>>> held = new TreeMap<>();
    private final List<String> turned = new ArrayList<>();
    private boolean started;
    private long last;
    private Long gapSince;
    private long skipped;
    private long restarts;

    WebinatoOrderModel(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * A call arrives.
     *
     * @param call the call
     * @param now  the time, in seconds
     */
    void deliver(Call call, long now) {
        if (!callsSeen.add(call.key())) {
            return;                                  // the same call again: a duplicate at the door
        }
        List<Message> fresh = call.messages().stream()
                .sorted(Comparator.comparingLong(Message::id).thenComparingLong(Message::ts))
                .filter(m -> messagesSeen.add(m.key()))
                .toList();
        boolean moved = false;
        long batch = call.batch();
        if (!started) {
            started = true;                          // the first call starts the sequence, whatever its number
            last = batch - 1;
        } else if (batch == 1) {
            moved = releaseAllHeld();                // a room restart: the old sequence's held calls first
            restarts++;
            last = 0;
        }
        if (batch <= last) {
            turn(fresh);                             // behind or at the last number: at once, late rather than lost
        } else if (batch == last + 1) {
            turn(fresh);
            last = batch;
            moved = true;
            releaseContiguous();
        } else {
            held.computeIfAbsent(batch, b -> new ArrayList<>()).add(fresh);
        }
        if (held.isEmpty()) {
            gapSince = null;
        } else if (moved || gapSince == null) {
            gapSince = now;                          // the gap's clock restarts whenever the sequence moves on
        }
    }

    /**
     * Time passes; a gap open for the timeout gives up its missing numbers.
     *
     * @param now the time, in seconds
     */
    void advance(long now) {
        if (gapSince != null && gapSince + timeoutSeconds <= now) {
            releaseAllHeld();
            gapSince = null;
        }
    }

    private void releaseContiguous() {
        while (!held.isEmpty() && held.firstKey() <= last + 1) {
            Map.Entry<Long, List<List<Message>>> next = held.pollFirstEntry();
            next.getValue().forEach(this::turn);
            last = Math.max(last, next.getKey());
        }
    }

    private boolean releaseAllHeld() {
        boolean any = !held.isEmpty();
        while (!held.isEmpty()) {
            Map.Entry<Long, List<List<Message>>> next = held.pollFirstEntry();
            for (long missing = last + 1; missing < next.getKey(); missing++) {
                skipped++;
            }
            next.getValue().forEach(this::turn);
            last = Math.max(last, next.getKey());
        }
        return any;
    }

    private void turn(List<Message> messages) {
        messages.forEach(m -> turned.add(m.text()));
    }

    /** @return the texts turned so far, in order */
    List<String> turned() {
        return List.copyOf(turned);
    }

    /** @return how many messages are held now */
    int held() {
        return held.values().stream().flatMap(List::stream).mapToInt(List::size).sum();
    }

    /** @return how many calls are held now, those without a new message included */
    int heldCalls() {
        return held.values().stream().mapToInt(List::size).sum();
    }

    long skipped() {
        return skipped;
    }

    long restarts() {
        return restarts;
    }
}
