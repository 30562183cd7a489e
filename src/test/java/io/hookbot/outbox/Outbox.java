package io.hookbot.outbox;

import io.hookbot.testing.TestApp;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Writes replies into a running test app's outbox directly, as a turn would, and wakes its delivery worker. */
final class Outbox {

    private static final AtomicLong EVENT_IDS = new AtomicLong(1_000_000);

    private Outbox() {
    }

    /**
     * @param app     the running app
     * @param channel the channel
     * @param phone   the recipient's phone; one conversation per phone
     * @param texts   the replies to it, in order
     */
    static void sms(TestApp app, String channel, String phone, String... texts) {
        List<NewReply> replies = new ArrayList<>();
        for (String text : texts) {
            replies.add(new NewReply(EVENT_IDS.incrementAndGet(), 0, channel, "sms:dev-1:1:" + phone,
                    Map.of("medium", "sms", "phone", phone, "device", "dev-1", "sim", "1"), text, List.of()));
        }
        write(app, replies);
    }

    /**
     * @param app     the running app
     * @param replies the replies, written in one transaction in this order
     */
    @SuppressWarnings("unchecked")
    static void write(TestApp app, List<NewReply> replies) {
        TransactionOperations<Connection> transactions = app.context().getBean(TransactionOperations.class);
        OutboxStore store = app.context().getBean(OutboxStore.class);
        transactions.executeWrite(s -> store.insert(s.getConnection(), replies));
        app.context().getBean(DeliveryWorker.class).wake();
    }
}
