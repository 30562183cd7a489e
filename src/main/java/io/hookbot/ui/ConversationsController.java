package io.hookbot.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.admin.AdminException;
import io.hookbot.admin.AdminParams;
import io.hookbot.admin.ConversationList;
import io.hookbot.admin.ConversationTimeline;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /ui/conversations}: the conversations, newest activity first, searchable by channel, sender (the
 * conversation's key: a phone number, a user id, a room) and text ({@link ConversationList}, as
 * {@code GET /admin/conversations}); and {@code GET /ui/conversations/{id}}, one conversation as a chat transcript
 * ({@link ConversationTimeline}, as {@code GET /admin/conversations/{id}/timeline}): what came in on one side, the
 * bot's replies on the other with their delivery status and attempts, the rules that answered and why, and
 * presence changes and meeting events in between.
 */
@Hidden
@Controller(value = "/ui/conversations", produces = MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConversationsController {

    /**
     * Conversations on a page. Each listed conversation costs the list two look-ups of its counts
     * ({@code ConversationList}); at 50 a page PostgreSQL's p95 came near 100 ms with 100,000 conversations
     * (docs/benchmarks.md, "The dashboard").
     */
    static final int PAGE = 25;
    /** Events of a transcript on a page (the latest). */
    static final int EVENTS = 100;
    private static final int MAX_FILTER = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DashboardSessions sessions;
    private final ConversationList conversations;
    private final ConversationTimeline timeline;
    private final ChannelRegistry channels;

    public ConversationsController(DashboardSessions sessions, ConversationList conversations,
                                   ConversationTimeline timeline, ChannelRegistry channels) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.timeline = timeline;
        this.channels = channels;
    }

    /**
     * @param request the call
     * @param channel only this channel's
     * @param user    only conversations whose key contains this
     * @param q       only conversations with an event containing this text
     * @param before  the cursor of the previous page
     * @return the list
     */
    @Get("{?channel,user,q,before}")
    public MutableHttpResponse<ModelAndView<Map<String, Object>>> list(HttpRequest<?> request,
                                                                       @Nullable @QueryValue String channel,
                                                                       @Nullable @QueryValue String user,
                                                                       @Nullable @QueryValue String q,
                                                                       @Nullable @QueryValue String before) {
        DashboardSessions.Session session = Page.session(sessions, request);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Conversations");
        model.put("channel", text(channel));
        model.put("user", text(user));
        model.put("q", text(q));
        model.put("channels", channels.all().stream().map(ChannelConfig::name).sorted().toList());
        try {
            Map<String, Object> page = conversations.list(filter("channel", channel), filter("user", user),
                    filter("q", q), PAGE, blank(before) ? null : ConversationList.Cursor.parse(before.trim()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object found : (List<?>) page.get("conversations")) {
                Map<?, ?> conversation = (Map<?, ?>) found;
                Map<String, Object> row = new LinkedHashMap<>();
                conversation.forEach((k, v) -> row.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
                row.put("lastTurnAt", Page.time((String) conversation.get("lastTurnAt")));
                rows.add(row);
            }
            model.put("rows", rows);
            Object next = page.get("next");
            model.put("next", next == null ? "" : "/ui/conversations?" + query(channel, user, q) + "before="
                    + URLEncoder.encode(String.valueOf(next), StandardCharsets.UTF_8));
            model.put("paged", !blank(before));
            model.put("indexBehind", blank(q) ? "" : conversations.textIndexBehind().map(Page::time).orElse(""));
        } catch (AdminException refused) {
            return Page.refused(session, refused);
        }
        return Page.render("ui/conversations", "conversations", session, model);
    }

    /**
     * @param request the call
     * @param id      the conversation
     * @param before  show the events before this event id
     * @return the transcript
     */
    @Get("/{id}{?before}")
    public MutableHttpResponse<ModelAndView<Map<String, Object>>> show(HttpRequest<?> request, @PathVariable String id,
                                                                       @Nullable @QueryValue String before) {
        DashboardSessions.Session session = Page.session(sessions, request);
        try {
            long conversation = positive("id", id);
            Long earlier = blank(before) ? null : positive("before", before);
            Map<String, Object> found = JSON.convertValue(timeline.timeline(conversation, EVENTS, earlier, false),
                    new TypeReference<>() { });
            Map<String, Object> model = Transcript.model(found);
            model.put("title", "Conversation " + conversation);
            // the human-mode form's agent channels
            model.put("channels", channels.all().stream().map(ChannelConfig::name).sorted().toList());
            return Page.render("ui/conversation", "conversations", session, model);
        } catch (AdminException refused) {
            return Page.refused(session, refused);
        }
    }

    private static long positive(String field, String value) {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw AdminException.invalid(field, "must be a positive whole number");
    }

    private static String query(String channel, String user, String q) {
        StringBuilder query = new StringBuilder();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("channel", channel);
        fields.put("user", user);
        fields.put("q", q);
        fields.forEach((name, value) -> {
            if (!blank(value)) {
                query.append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8))
                        .append('&');
            }
        });
        return query.toString();
    }

    private static String filter(String field, String value) {
        return AdminParams.filter(field, value, MAX_FILTER);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static boolean blank(String value) {
        return AdminParams.blank(value);
    }
}
