package io.hookbot.testing.faults;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The switchboard of the fault beans: which points throw now, and how often each has. */
@Singleton
@Requires(property = "test.faults", value = "true")
public class Faults {

    /** The point where the inbox writer inserts events. */
    public static final String INBOX_INSERT = "inbox.insert";
    /** The point where the dispatcher looks for conversations with pending events. */
    public static final String INBOX_POLL = "inbox.poll";
    /** The point where a turn worker reads a conversation's pending events. */
    public static final String INBOX_PENDING = "inbox.pending";
    /** The point where the inbox retention deletes turned events. */
    public static final String INBOX_PURGE = "inbox.purge";
    /** The point where the delivery loop claims due replies. */
    public static final String OUTBOX_CLAIM = "outbox.claim";
    /** The point behind the admin API's inbox backlog ({@code GET /admin/inbox}). */
    public static final String ADMIN_BACKLOG = "admin.backlog";
    /** The point where the schedule poller claims due slots. */
    public static final String SLOTS_CLAIM = "slots.claim";

    private final Map<String, Supplier<? extends Throwable>> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    /**
     * @param point   a fault point
     * @param failure what it throws, each time it is reached, until disarmed
     */
    public void arm(String point, Supplier<? extends Throwable> failure) {
        armed.put(point, failure);
    }

    /**
     * Makes a point throw a database error the database itself would cause (connection lost, SQLState 08006).
     *
     * @param point a fault point
     */
    public void armDatabaseDown(String point) {
        arm(point, () -> new SQLException("connection to the database lost", "08006"));
    }

    /** @param point a fault point, quiet from now on */
    public void disarm(String point) {
        armed.remove(point);
    }

    /**
     * @param point a fault point
     * @return how many times it threw
     */
    public int hits(String point) {
        AtomicInteger count = hits.get(point);
        return count == null ? 0 : count.get();
    }

    /**
     * Throws if the point is armed.
     *
     * @param point a fault point
     * @throws SQLException the armed failure, when it is one
     */
    void reach(String point) throws SQLException {
        Supplier<? extends Throwable> failure = armed.get(point);
        if (failure == null) {
            return;
        }
        hits.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet();
        Throwable thrown = failure.get();
        if (thrown instanceof SQLException sql) {
            throw sql;
        }
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(thrown);
    }
}
