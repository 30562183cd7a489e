package io.hookbot.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.admin.AdminException;
import io.hookbot.admin.InboxAdminService;
import io.hookbot.admin.OutboxAdminService;
import io.hookbot.admin.OutboxRowView;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.outbox.OutboxStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /ui/outbox}: the replies by status (dead letters first) and channel, each with its recipient, text
 * and last error ({@link OutboxAdminService}, as {@code GET /admin/outbox}), with a button to retry a dead letter
 * ({@code POST /ui/outbox/{id}/retry}, as {@code POST /admin/outbox/{id}/retry}); below them the events whose turn
 * failed, with theirs ({@link InboxAdminService}; {@code POST /ui/inbox/{id}/retry}). The admin API can drop no
 * outbox row, so neither can this page.
 */
@Hidden
@Controller(value = "/ui", produces = MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OutboxController {

    /** Rows on a page. */
    static final int PAGE = 50;
    /** Where a form may send the browser back to: a dashboard page, nothing else. */
    private static final Pattern BACK = Pattern.compile("/ui(/[A-Za-z0-9_-]+)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DashboardSessions sessions;
    private final OutboxAdminService outbox;
    private final InboxAdminService inbox;
    private final ChannelRegistry channels;

    public OutboxController(DashboardSessions sessions, OutboxAdminService outbox, InboxAdminService inbox,
                            ChannelRegistry channels) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.inbox = inbox;
        this.channels = channels;
    }

    /**
     * @param request the call
     * @param status  FAILED (the default), PENDING, SENDING, SENT, SUPPRESSED, or {@code all}
     * @param channel only this channel's
     * @param page    the page, from 0
     * @return the page
     */
    @Get("/outbox{?status,channel,page}")
    public MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String status,
                                       @Nullable @QueryValue String channel, @Nullable @QueryValue String page) {
        DashboardSessions.Session session = Page.session(sessions, request);
        String chosen = status == null || status.isBlank() ? "FAILED" : status.trim().toUpperCase(Locale.ROOT);
        String onChannel = channel == null || channel.isBlank() ? null : channel.trim();
        int number = pageNumber(page);
        try {
            OutboxStatus filter = chosen.equals("ALL") ? null : status(chosen);
            Map<String, Object> rows = outbox.list(filter, onChannel, number, PAGE);
            List<Map<String, Object>> items = new ArrayList<>();
            for (Object row : (List<?>) rows.get("items")) {
                items.add(row((OutboxRowView) row));
            }
            Map<String, Object> failed = inbox.failed(onChannel, 0, PAGE);
            List<Map<String, Object>> events = new ArrayList<>();
            for (Object event : (List<?>) failed.get("items")) {
                events.add(failedEvent(JSON.convertValue(event, new TypeReference<Map<String, Object>>() { })));
            }
            long total = ((Number) rows.get("total")).longValue();
            Map<String, Object> model = new HashMap<>();
            model.put("title", "Outbox");
            model.put("status", chosen);
            model.put("statuses", List.of("FAILED", "PENDING", "SENDING", "SENT", "SUPPRESSED", "ALL"));
            model.put("channel", onChannel == null ? "" : onChannel);
            model.put("channels", channels.all().stream().map(ChannelConfig::name).sorted().toList());
            model.put("rows", items);
            model.put("total", String.valueOf(total));
            model.put("previous", number == 0 ? "" : link(chosen, onChannel, number - 1));
            model.put("next", (long) (number + 1) * PAGE < total ? link(chosen, onChannel, number + 1) : "");
            model.put("failedEvents", events);
            model.put("failedTotal", String.valueOf(failed.get("total")));
            return Page.render("ui/outbox", "outbox", session, model);
        } catch (AdminException refused) {
            return Page.refused(session, refused);
        }
    }

    /**
     * @param request the call
     * @param id      a dead-lettered row
     * @param csrf    the session's CSRF token
     * @param back    the dashboard page to return to, or {@code null} for the outbox
     * @return back to the page, with what was done
     */
    @Post(value = "/outbox/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> retry(HttpRequest<?> request, @PathVariable String id,
                                        @Nullable @Body("csrf") String csrf, @Nullable @Body("back") String back) {
        DashboardSessions.Session session = Page.session(sessions, request);
        if (!DashboardSessions.csrfMatches(session, csrf)) {
            return Csrf.refused(session);
        }
        try {
            OutboxRowView row = outbox.retry(number(id));
            session.notice("Reply " + row.id() + " to " + row.recipient() + " is back in line: status "
                    + row.status() + ".");
        } catch (AdminException refused) {
            session.notice("Nothing done: " + refused.getMessage());
        }
        return Page.seeOther(back(back, "/ui/outbox"));
    }

    /**
     * @param request the call
     * @param id      an event whose turn failed
     * @param csrf    the session's CSRF token
     * @return back to the outbox page, with what was done
     */
    @Post(value = "/inbox/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> retryEvent(HttpRequest<?> request, @PathVariable String id,
                                             @Nullable @Body("csrf") String csrf) {
        DashboardSessions.Session session = Page.session(sessions, request);
        if (!DashboardSessions.csrfMatches(session, csrf)) {
            return Csrf.refused(session);
        }
        try {
            Map<String, Object> retried = inbox.retry(number(id));
            session.notice("Event " + retried.get("id") + " on " + retried.get("channel")
                    + " is pending again: its conversation turns it next.");
        } catch (AdminException refused) {
            session.notice("Nothing done: " + refused.getMessage());
        }
        return Page.seeOther("/ui/outbox");
    }

    /**
     * @param back     a page a form names
     * @param fallback where to go when it names none, or one that is not a dashboard page
     * @return where to send the browser
     */
    static String back(String back, String fallback) {
        return back != null && BACK.matcher(back).matches() ? back : fallback;
    }

    private static Map<String, Object> row(OutboxRowView row) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", String.valueOf(row.id()));
        item.put("channel", row.channel());
        item.put("recipient", row.recipient());
        item.put("status", row.status());
        item.put("attempts", String.valueOf(row.attempts()));
        item.put("text", row.text() == null ? "" : row.text());
        item.put("lastError", row.lastError() == null ? "" : row.lastError());
        item.put("createdAt", Page.time(row.createdAt()));
        item.put("when", row.status().equals("SENT") ? "sent " + Page.time(row.sentAt())
                : row.status().equals("PENDING") && row.nextAttemptAt() != null
                ? "next attempt " + Page.time(row.nextAttemptAt()) : "");
        item.put("failed", row.status().equals("FAILED"));
        return item;
    }

    private static Map<String, Object> failedEvent(Map<String, Object> event) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", String.valueOf(event.get("id")));
        item.put("channel", String.valueOf(event.get("channel")));
        item.put("conversation", String.valueOf(event.get("conversation")));
        item.put("type", String.valueOf(event.get("type")));
        item.put("at", Page.time((String) event.get("processedAt")));
        item.put("error", event.get("error") == null ? "" : String.valueOf(event.get("error")));
        return item;
    }

    private static OutboxStatus status(String value) {
        try {
            return OutboxStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw AdminException.invalid("status", "'" + value + "' is not one of "
                    + Arrays.toString(OutboxStatus.values()) + " or ALL");
        }
    }

    private static int pageNumber(String page) {
        try {
            return page == null || page.isBlank() ? 0 : Math.max(0, Math.min(1_000_000, Integer.parseInt(page.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long number(String id) {
        try {
            long value = Long.parseLong(id.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw AdminException.invalid("id", "must be a positive whole number");
    }

    private static String link(String status, String channel, int page) {
        return "/ui/outbox?status=" + status + (channel == null ? "" : "&channel="
                + java.net.URLEncoder.encode(channel, java.nio.charset.StandardCharsets.UTF_8)) + "&page=" + page;
    }
}
