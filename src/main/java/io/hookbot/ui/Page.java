package io.hookbot.ui;

import io.hookbot.admin.AdminException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * A dashboard page: its template and the values it shows, with what every page has (the navigation, the session's
 * CSRF token for its forms, the line the last action left). The templates write every value with {@code th:text}
 * or an attribute of Thymeleaf's, which escape it; none writes unescaped text.
 */
final class Page {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Page() {
    }

    /**
     * @param view    the template, under {@code views/}
     * @param active  the navigation entry to mark
     * @param session the session
     * @param model   the page's values
     * @return the page, 200
     */
    static MutableHttpResponse<ModelAndView<Map<String, Object>>> render(String view, String active,
                                                                         DashboardSessions.Session session,
                                                                         Map<String, Object> model) {
        return render(HttpStatus.OK, view, active, session, model);
    }

    static MutableHttpResponse<ModelAndView<Map<String, Object>>> render(HttpStatus status, String view, String active,
                                                                         DashboardSessions.Session session,
                                                                         Map<String, Object> model) {
        Map<String, Object> values = new HashMap<>(model);
        values.put("active", active);
        values.put("csrf", session == null ? "" : session.csrf());
        values.put("signedIn", session != null);
        String notice = session == null ? null : session.takeNotice();
        values.put("notice", notice);
        values.putIfAbsent("title", active);
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(view, values));
    }

    /**
     * @param session the session
     * @param refusal what a service refused (404 no such thing, 409 not in that state, 400 a bad filter)
     * @return a page saying so, with the refusal's status
     */
    static MutableHttpResponse<ModelAndView<Map<String, Object>>> refused(DashboardSessions.Session session,
                                                                          AdminException refusal) {
        HttpStatus status = refusal.toResponse().getStatus();
        return render(status, "ui/error", "", session, Map.of("title", status.getReason(), "status", status.getCode(),
                "message", refusal.getMessage()));
    }

    /**
     * @param path where to go, a dashboard path
     * @return 303 to it (after a form's POST: the browser then GETs the page, and a reload posts nothing again)
     */
    static MutableHttpResponse<Object> seeOther(String path) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, URI.create(path).toString());
    }

    /**
     * @param request a call
     * @return its live session; the access filter let no call without one reach a page that asks
     */
    static DashboardSessions.Session session(DashboardSessions sessions, HttpRequest<?> request) {
        return sessions.find(request).orElseThrow(() -> new IllegalStateException(
                "a dashboard page was reached without a session: io.hookbot.admin.AccessFilter lets none through"));
    }

    /**
     * @param instant an instant as the services write it (ISO-8601), or {@code null}
     * @return it, readable, or an empty text
     */
    static String time(String instant) {
        if (instant == null || instant.isBlank()) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(instant));
        } catch (RuntimeException e) {
            return instant;
        }
    }

    /** @return an instant, readable */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /**
     * @param seconds a wait
     * @return it in words: {@code 4 s}, {@code 3 min 20 s}, {@code 2 h 5 min}
     */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        Duration d = Duration.ofSeconds(s);
        if (s < 3600) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
