package io.hookbot.ui;

import io.hookbot.admin.AdminException;
import io.hookbot.admin.ChannelAdminService;
import io.hookbot.admin.InboxAdminService;
import io.hookbot.admin.OutboxAdminService;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.UrlTokenPlatform;
import io.hookbot.outbox.OutboxStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /ui/channels}: each channel ({@link ChannelAdminService}, as {@code GET /admin/channels}) with its
 * platform, the webhook URL to give the platform, what waits and failed in it ({@link InboxAdminService}), its dead
 * letters ({@link OutboxAdminService}) and webhooks since the start (the meters), paused or not with the reason;
 * {@code POST /ui/channels/{name}/resume} resumes a paused one (as {@code POST /admin/channels/{name}/resume}).
 * The URL of a platform that authenticates by a token in the URL shows where the token goes, never the token.
 */
@Hidden
@Controller(value = "/ui/channels", produces = MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChannelsController {

    private final DashboardSessions sessions;
    private final ChannelAdminService channels;
    private final InboxAdminService inbox;
    private final OutboxAdminService outbox;
    private final ChannelRegistry registry;
    private final Figures figures;

    public ChannelsController(DashboardSessions sessions, ChannelAdminService channels, InboxAdminService inbox,
                              OutboxAdminService outbox, ChannelRegistry registry, Figures figures) {
        this.sessions = sessions;
        this.channels = channels;
        this.inbox = inbox;
        this.outbox = outbox;
        this.registry = registry;
        this.figures = figures;
    }

    /**
     * @param request the call
     * @return the page
     */
    @Get
    public MutableHttpResponse<?> list(HttpRequest<?> request) {
        DashboardSessions.Session session = Page.session(sessions, request);
        Map<String, Map<String, Object>> backlog = new HashMap<>();
        for (Object channel : (List<?>) inbox.backlog().get("channels")) {
            Map<?, ?> counts = (Map<?, ?>) channel;
            backlog.put(String.valueOf(counts.get("channel")), new HashMap<>(Map.of(
                    "pending", counts.get("pending"), "held", counts.get("held"), "failed", counts.get("failed"))));
        }
        Map<String, Double> webhooks = figures.latest().webhooks();
        String base = base(request);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> channel : channels.list()) {
            String name = String.valueOf(channel.get("channel"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("platform", channel.get("platform") == null ? "not configured any more" : channel.get("platform"));
            row.put("url", base + "/webhooks/" + name + registry.find(name)
                    .filter(c -> registry.platformOf(c) instanceof UrlTokenPlatform)
                    .map(c -> "?token=<hookbot.channels." + name + ".token>").orElse(""));
            Map<String, Object> counts = backlog.getOrDefault(name, Map.of());
            row.put("pending", String.valueOf(counts.getOrDefault("pending", 0)));
            row.put("held", String.valueOf(counts.getOrDefault("held", 0)));
            row.put("failed", String.valueOf(counts.getOrDefault("failed", 0)));
            row.put("dead", String.valueOf(outbox.list(OutboxStatus.FAILED, name, 0, 1).get("total")));
            row.put("webhooks", Overview.number(webhooks.getOrDefault(name, 0.0)));
            boolean paused = Boolean.TRUE.equals(channel.get("paused"));
            row.put("paused", paused);
            row.put("pausedAt", paused ? Page.time((String) channel.get("pausedAt")) : "");
            row.put("reason", paused ? "the gateway answered " + channel.get("statusCode") + ": "
                    + channel.get("reason") : "");
            rows.add(row);
        }
        return Page.render("ui/channels", "channels", session, Map.of("title", "Channels", "rows", rows));
    }

    /**
     * @param request the call
     * @param name    a paused channel
     * @param csrf    the session's CSRF token
     * @return back to the channels, with what was done
     */
    @Post(value = "/{name}/resume", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> resume(HttpRequest<?> request, @PathVariable String name,
                                         @Nullable @Body("csrf") String csrf) {
        DashboardSessions.Session session = Page.session(sessions, request);
        if (!DashboardSessions.csrfMatches(session, csrf)) {
            return Csrf.refused(session);
        }
        try {
            channels.resume(name);
            session.notice("Channel " + name + " is resumed: its waiting replies go out now.");
        } catch (AdminException refused) {
            session.notice("Nothing done: " + refused.getMessage());
        }
        return Page.seeOther("/ui/channels");
    }

    /** @return the scheme and host the browser reached hookbot at, as far as the request says */
    private static String base(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        String forwardedHost = request.getHeaders().get("X-Forwarded-Host");
        if (forwardedHost != null && !forwardedHost.isBlank()) {
            host = forwardedHost.split(",")[0].trim();
        }
        String scheme = proto != null && !proto.isBlank() ? proto.split(",")[0].trim()
                : request.isSecure() ? "https" : "http";
        return host == null || host.isBlank() ? "" : scheme + "://" + host;
    }
}
