package io.hookbot.admin;

import io.hookbot.inbox.InboxStore;
import io.hookbot.inbox.InboxStore.ChannelBacklog;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox side of the admin API: whether the bots keep up with what arrives. Acknowledged events wait in the inbox
 * until their turn; a backlog that keeps growing, or an oldest waiting event that keeps getting older, means the
 * webhooks arrive faster than the turns run.
 */
@Singleton
public class InboxAdminService {

    private final TransactionOperations<Connection> transactions;
    private final InboxStore inbox;

    public InboxAdminService(TransactionOperations<Connection> transactions, InboxStore inbox) {
        this.transactions = transactions;
        this.inbox = inbox;
    }

    /**
     * @return totals ({@code pending}, {@code held}, {@code failed}, {@code oldestWaiting},
     *         {@code oldestWaitingSeconds}) and the same per channel under {@code channels}; the oldest time is
     *         absent when nothing waits, and the channels when none has waiting or failed events
     */
    public Map<String, Object> backlog() {
        List<ChannelBacklog> channels = transactions.executeRead(s -> inbox.backlog(s.getConnection()));
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
        body.put("channels", views);
        return body;
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
