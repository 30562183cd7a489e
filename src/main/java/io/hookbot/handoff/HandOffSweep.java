package io.hookbot.handoff;

import io.hookbot.conversation.Conversation;
import io.hookbot.conversation.ConversationStore;
import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Releases the hand-offs whose idle time has passed, every {@code hookbot.handoff.sweep-interval} (30 s), so the
 * release is in the conversation's timeline even if nobody writes again. Each in its own transaction under the
 * conversation's row lock, after a turn that holds it; one that a message renewed meanwhile, or that turn
 * released itself, is left alone. Several instances may sweep at once: a release is written once.
 */
@Singleton
public class HandOffSweep implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(HandOffSweep.class);
    private static final int BATCH = 100;
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private final TransactionOperations<Connection> transactions;
    private final ConversationStore conversations;
    private final HandOffStore store;
    private final HumanMode humanMode;
    private final Supervisor supervisor;
    private final Duration interval;
    private volatile Worker worker;

    public HandOffSweep(TransactionOperations<Connection> transactions, ConversationStore conversations,
                        HandOffStore store, HumanMode humanMode, Supervisor supervisor, HandOffSettings settings) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.store = store;
        this.humanMode = humanMode;
        this.supervisor = supervisor;
        this.interval = settings.sweepInterval();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (worker == null) {
            worker = supervisor.every("handoff-sweep", interval, interval, STUCK_AFTER, this::sweep);
        }
    }

    /**
     * Releases every hand-off idle now. Safe from any thread and instance.
     *
     * @return how many were released
     */
    public int sweep() {
        int released = 0;
        while (true) {
            Instant now = Instant.now();
            List<Long> due = transactions.executeRead(s -> store.idle(s.getConnection(), now, BATCH));
            int before = released;
            for (long id : due) {
                if (releaseIfIdle(id, now)) {
                    released++;
                }
            }
            // a full batch all released may have more behind it; skipped ones would come back first, so stop
            if (due.size() < BATCH || released - before < due.size()) {
                break;
            }
        }
        if (released > 0) {
            LOG.info("Released {} idle hand-off(s) to the bot", released);
        }
        return released;
    }

    private boolean releaseIfIdle(long id, Instant now) {
        return transactions.executeWrite(s -> {
            Connection connection = s.getConnection();
            // as every writer of a hand-off: the conversation's row first, waiting for a turn that holds it
            Optional<Conversation> conversation = conversations.lock(connection, id, true);
            if (conversation.isEmpty()) {
                return false;
            }
            Optional<HandOffState> handOff = store.current(connection, id);
            if (handOff.isEmpty() || !handOff.get().idleAt(now)) {
                return false;
            }
            humanMode.release(connection, conversation.get(), handOff.get(), now, null);
            return true;
        });
    }
}
