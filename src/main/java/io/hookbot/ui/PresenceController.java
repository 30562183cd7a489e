package io.hookbot.ui;

import io.hookbot.api.PresenceChanged;
import io.hookbot.api.PresenceFilter;
import io.hookbot.api.PresenceView;
import io.hookbot.api.UserPresence;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /ui/presence}: who is online where, since when, and in which meetings or Yalgaar channels — the
 * presence view the rules and {@code GET /api/presence} read ({@link PresenceView}), filtered by channel, status
 * (online by default) and scope.
 */
@Hidden
@Controller(value = "/ui/presence", produces = MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PresenceController {

    /** The most users a page lists. */
    static final int SHOWN = 500;

    private final DashboardSessions sessions;
    private final PresenceView presence;
    private final ChannelRegistry channels;

    public PresenceController(DashboardSessions sessions, PresenceView presence, ChannelRegistry channels) {
        this.sessions = sessions;
        this.presence = presence;
        this.channels = channels;
    }

    /**
     * @param request the call
     * @param channel only this channel's users
     * @param status  only users of this status; {@code online} when absent, {@code any} for all
     * @param scope   only users in this meeting or Yalgaar channel now
     * @return the page
     */
    @Get("{?channel,status,scope}")
    public MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String channel,
                                       @Nullable @QueryValue String status, @Nullable @QueryValue String scope) {
        DashboardSessions.Session session = Page.session(sessions, request);
        String chosen = status == null || status.isBlank() ? "online" : status.trim().toLowerCase(Locale.ROOT);
        PresenceChanged.Status filter = null;
        if (!chosen.equals("any")) {
            try {
                filter = PresenceChanged.Status.valueOf(chosen.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                chosen = "any";
            }
        }
        List<UserPresence> users = new ArrayList<>(presence.list(new PresenceFilter(blankToNull(channel), filter,
                blankToNull(scope))));
        users.sort(Comparator.comparing(UserPresence::channel).thenComparing(UserPresence::user));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UserPresence user : users.subList(0, Math.min(SHOWN, users.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("channel", user.channel());
            row.put("user", user.user());
            row.put("name", user.name() == null ? "" : user.name());
            row.put("status", user.status() == null ? "seen" : user.status().name().toLowerCase(Locale.ROOT));
            row.put("online", user.online());
            row.put("since", Page.time(user.since()));
            row.put("lastSeen", Page.time(user.lastSeen()));
            row.put("scopes", user.scopes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " (" + e.getValue().name().toLowerCase(Locale.ROOT) + ")")
                    .collect(Collectors.joining(", ")));
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Presence");
        model.put("rows", rows);
        model.put("count", String.valueOf(users.size()));
        model.put("more", users.size() > SHOWN ? String.valueOf(users.size() - SHOWN) : "");
        model.put("channel", channel == null ? "" : channel);
        model.put("status", chosen);
        model.put("scope", scope == null ? "" : scope);
        List<String> statuses = new ArrayList<>(List.of("any"));
        Arrays.stream(PresenceChanged.Status.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).forEach(statuses::add);
        model.put("statuses", statuses);
        model.put("channels", channels.all().stream().map(ChannelConfig::name).sorted().toList());
        return Page.render("ui/presence", "presence", session, model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
