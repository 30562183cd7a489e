package io.hookbot.ui;

import io.hookbot.admin.AdminException;
import io.hookbot.admin.OptOutAdminService;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /ui/opt-outs}: the addresses that opted out, newest first, searched by channel and address, with who,
 * when and how ({@link OptOutAdminService}, as {@code GET /admin/opt-outs}); {@code POST /ui/opt-outs} adds one and
 * {@code POST /ui/opt-outs/{id}/remove} removes one, each behind the session's CSRF token, refused with the admin
 * API's words.
 */
@Hidden
@Controller(value = "/ui/opt-outs", produces = MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OptOutsController {

    private static final int PAGE = 50;
    private static final int MAX_FIELD = 300;

    private final DashboardSessions sessions;
    private final OptOutAdminService optOuts;
    private final ChannelRegistry channels;

    public OptOutsController(DashboardSessions sessions, OptOutAdminService optOuts, ChannelRegistry channels) {
        this.sessions = sessions;
        this.optOuts = optOuts;
        this.channels = channels;
    }

    /**
     * @param request the call
     * @param channel only this channel's registry
     * @param q       only addresses containing this
     * @param before  the next page's cursor
     * @return the page
     */
    @Get("{?channel,q,before}")
    public MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String channel,
                                       @Nullable @QueryValue String q, @Nullable @QueryValue String before) {
        DashboardSessions.Session session = Page.session(sessions, request);
        String onChannel = blank(channel) ? null : cut(channel.trim());
        String query = blank(q) ? null : cut(q.trim());
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Opt-outs");
        model.put("channel", onChannel == null ? "" : onChannel);
        model.put("q", query == null ? "" : query);
        model.put("channels", channels.all().stream().map(ChannelConfig::name).sorted().toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        String next = "";
        try {
            Long cursor = blank(before) ? null : Long.parseLong(before.trim());
            Map<String, Object> found = optOuts.list(onChannel, query, PAGE, cursor);
            for (Object row : (List<?>) found.get("optOuts")) {
                rows.add(row((Map<?, ?>) row));
            }
            next = found.get("next") == null ? "" : String.valueOf(found.get("next"));
        } catch (AdminException refused) {
            model.put("problem", refused.getMessage());
        } catch (NumberFormatException e) {
            model.put("problem", "before must be an opt-out id");
        }
        model.put("rows", rows);
        model.put("next", next);
        return Page.render("ui/opt-outs", "opt-outs", session, model);
    }

    /**
     * @param request the call
     * @param channel the channel
     * @param address the address, as a send to it names it
     * @param csrf    the session's CSRF token
     * @return back to the list, with what was done
     */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> add(HttpRequest<?> request, @Nullable @Body("channel") String channel,
                                      @Nullable @Body("address") String address, @Nullable @Body("csrf") String csrf) {
        DashboardSessions.Session session = Page.session(sessions, request);
        if (!DashboardSessions.csrfMatches(session, csrf)) {
            return Csrf.refused(session);
        }
        try {
            Map<String, Object> added = optOuts.add(channel == null ? null : cut(channel.trim()),
                    address == null ? null : cut(address), "dashboard");
            session.notice("Opted out: " + added.get("address") + " on " + added.get("scope")
                    + "; nothing more goes to it.");
        } catch (AdminException refused) {
            session.notice("Nothing done: " + refused.getMessage());
        }
        return Page.seeOther("/ui/opt-outs");
    }

    /**
     * @param request the call
     * @param id      an opt-out's id
     * @param csrf    the session's CSRF token
     * @return back to the list, with what was done
     */
    @Post(value = "/{id}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> remove(HttpRequest<?> request, @PathVariable String id,
                                         @Nullable @Body("csrf") String csrf) {
        DashboardSessions.Session session = Page.session(sessions, request);
        if (!DashboardSessions.csrfMatches(session, csrf)) {
            return Csrf.refused(session);
        }
        try {
            Map<String, Object> removed = optOuts.remove(Long.parseLong(id), "dashboard");
            session.notice("Removed: " + removed.get("address") + " gets messages again.");
        } catch (AdminException refused) {
            session.notice("Nothing done: " + refused.getMessage());
        } catch (NumberFormatException e) {
            session.notice("Nothing done: no opt-out " + cut(id));
        }
        return Page.seeOther("/ui/opt-outs");
    }

    private static Map<String, Object> row(Map<?, ?> optOut) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.valueOf(optOut.get("id")));
        row.put("address", String.valueOf(optOut.get("address")));
        row.put("channel", String.valueOf(optOut.get("channel")));
        row.put("scope", String.valueOf(optOut.get("scope")));
        row.put("source", String.valueOf(optOut.get("source")).toLowerCase(java.util.Locale.ROOT));
        row.put("actor", optOut.get("actor") == null ? "" : String.valueOf(optOut.get("actor")));
        row.put("event", optOut.get("eventId") == null ? "" : String.valueOf(optOut.get("eventId")));
        row.put("at", Page.time(String.valueOf(optOut.get("optedOutAt"))));
        return row;
    }

    private static String cut(String value) {
        return value.length() <= MAX_FIELD ? value : value.substring(0, MAX_FIELD + 1);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
