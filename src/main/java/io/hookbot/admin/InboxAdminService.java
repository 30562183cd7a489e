package io.hookbot.admin;

import io.hookbot.db.DurableWrites;
import io.hookbot.inbox.Dispatcher;
import io.hookbot.inbox.InboxBacklog;
import io.hookbot.inbox.InboxBacklog.ChannelBacklog;
import io.hookbot.inbox.InboxBacklog.FailedPage;
import io.hookbot.inbox.InboxWriter;
import io.hookbot.inbox.journal.QuarantinedEvents;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inbox side of the admin API: whether the bots keep up with what arrives, which events failed their turn, and
 * putting one back in line. Acknowledged events wait in the inbox until their turn; a backlog that keeps growing,
 * or an oldest waiting event that keeps getting older, means the webhooks arrive faster than the turns run.
 */
@Singleton
public class InboxAdminService {

    private static final Logger LOG = LoggerFactory.getLogger(InboxAdminService.class);

    private final TransactionOperations<Connection> transactions;
    private final InboxBacklog queries;
    private final Dispatcher dispatcher;
    private final DurableWrites durability;
    private final InboxWriter writer;
    private final QuarantinedEvents quarantine;

    public InboxAdminService(TransactionOperations<Connection> transactions, InboxBacklog queries,
                             Dispatcher dispatcher, DurableWrites durability, InboxWriter writer,
                             QuarantinedEvents quarantine) {
        this.writer = writer;
        this.quarantine = quarantine;
        this.transactions = transactions;
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.durability = durability;
    }

    /**
     * Pending events include those acknowledged and journaled but not yet written to the inbox table.
     *
     * @return totals ({@code pending}, {@code held}, {@code failed}, {@code oldestWaiting},
     *         {@code oldestWaitingSeconds}) and the same per channel under {@code channels}; the oldest time is
     *         absent when nothing waits, and the channels when none has waiting or failed events
     */
    public Map<String, Object> backlog() {
        // the journaled ones first: one that reaches the table in between is then counted twice, never missed
        Map<String, Long> queued = writer.queued();
        Map<String, Instant> queuedSince = queued.isEmpty() ? Map.of() : writer.oldestQueued();
        List<ChannelBacklog> channels = withQueued(
                transactions.executeRead(s -> queries.backlog(s.getConnection())), queued, queuedSince);
        Instant now = Instant.now();
        long pending = 0;
        long held = 0;
        long failed = 0;
        Instant oldest = null;
        List<Map<String, Object>> views = new ArrayList<>();
        for (ChannelBacklog channel : channels) {
            pending += channel.pending();
            held += channel.held();
            failed += channel.failed();
            if (channel.oldestWaiting() != null && (oldest == null || channel.oldestWaiting().isBefore(oldest))) {
                oldest = channel.oldestWaiting();
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("channel", channel.channel());
            counts(view, channel.pending(), channel.held(), channel.failed(), channel.oldestWaiting(), now);
            views.add(view);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        counts(body, pending, held, failed, oldest, now);
        body.put("quarantined", quarantine.count());
        body.put("channels", views);
        return body;
    }

    /** Adds events acknowledged but still on their way to the inbox table (the journal's) to the pending ones. */
    private static List<ChannelBacklog> withQueued(List<ChannelBacklog> table, Map<String, Long> queued,
                                                   Map<String, Instant> queuedSince) {
        if (queued.isEmpty()) {
            return table;
        }
        Map<String, ChannelBacklog> merged = new TreeMap<>();
        table.forEach(channel -> merged.put(channel.channel(), channel));
        queued.forEach((channel, count) -> merged.merge(channel,
                new ChannelBacklog(channel, count, 0, 0, queuedSince.get(channel)),
                (a, b) -> new ChannelBacklog(channel, a.pending() + b.pending(), a.held(), a.failed(),
                        earlier(a.oldestWaiting(), b.oldestWaiting()))));
        return new ArrayList<>(merged.values());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /**
     * @param channel only this channel's events, or {@code null}
     * @param page    the page, from 0
     * @param size    events per page
     * @return {@code items} (newest first), {@code page}, {@code size} and {@code total}
     */
    public Map<String, Object> failed(String channel, int page, int size) {
        FailedPage found = transactions.executeRead(s -> queries.failed(s.getConnection(), channel, page, size));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", found.events().stream().map(InboxAdminService::view).toList());
        body.put("page", page);
        body.put("size", size);
        body.put("total", found.total());
        return body;
    }

    /**
     * Puts a failed event back among the pending ones and wakes the dispatcher for its conversation.
     *
     * @param id an event id
     * @return {@code id}, {@code channel}, {@code conversation} and {@code status} ({@code PENDING})
     * @throws AdminException 404 if there is no such event, 409 if it did not fail or is a schedule firing
     */
    public Map<String, Object> retry(long id) {
        InboxBacklog.Retry retry = durability.executeWrite(s -> queries.retry(s.getConnection(), id));
        switch (retry.result()) {
            case NOT_FOUND -> throw AdminException.notFound("there is no inbox event " + id);
            case NOT_FAILED -> throw AdminException.conflict("inbox event " + id
                    + " did not fail (status FAILED); only those can be retried");
            case SCHEDULE_FIRING -> throw AdminException.conflict("inbox event " + id + " is a schedule firing; "
                    + "the schedule fires again at its next time");
            default -> {
            }
        }
        var conversation = retry.conversation().orElseThrow();
        LOG.info("Inbox event {} on {} put back in line by the admin API", id, conversation.channel());
        dispatcher.wake(conversation);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("channel", conversation.channel());
        body.put("conversation", conversation.key());
        body.put("status", "PENDING");
        return body;
    }

    private static Map<String, Object> view(InboxBacklog.FailedEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", event.id());
        view.put("channel", event.channel());
        view.put("conversation", event.conversation());
        view.put("type", event.type());
        view.put("receivedAt", event.receivedAt() == null ? null : event.receivedAt().toString());
        view.put("processedAt", event.processedAt() == null ? null : event.processedAt().toString());
        view.put("error", event.error());
        view.put("event", StoredPayloads.parse(event.payload()));
        return view;
    }


    private static void counts(Map<String, Object> into, long pending, long held, long failed, Instant oldest,
                               Instant now) {
        into.put("pending", pending);
        into.put("held", held);
        into.put("failed", failed);
        into.put("oldestWaiting", oldest == null ? null : oldest.toString());
        into.put("oldestWaitingSeconds", oldest == null ? null
                : Math.max(0, Duration.between(oldest, now).toMillis()) / 1000.0);
    }
}
