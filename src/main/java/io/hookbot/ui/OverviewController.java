package io.hookbot.ui;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /ui}: the overview — webhooks per minute per channel, the inbox backlog and its oldest wait, replies
 * sent, retried and dead, paused channels, turns per minute, each with a chart of the last hour — and
 * {@code GET /ui/overview/figures}, the same figures alone, which the page fetches every few seconds to stay live.
 * Both read the {@link Figures}' cached samples: no query.
 */
@Hidden
@Controller(value = "/ui", produces = MediaType.TEXT_HTML)
public class OverviewController {

    private final DashboardSessions sessions;
    private final Figures figures;

    public OverviewController(DashboardSessions sessions, Figures figures) {
        this.sessions = sessions;
        this.figures = figures;
    }

    /**
     * @param request the call
     * @return the overview page
     */
    @Get
    public MutableHttpResponse<ModelAndView<Map<String, Object>>> overview(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>(model());
        model.put("title", "Overview");
        return Page.render("ui/overview", "overview", Page.session(sessions, request), model);
    }

    /**
     * @param request the call
     * @return the figures, an HTML fragment for the overview to put in place
     */
    @Get("/overview/figures")
    public HttpResponse<ModelAndView<Map<String, Object>>> live(HttpRequest<?> request) {
        Page.session(sessions, request);
        return HttpResponse.ok(new ModelAndView<>("ui/figures", model())).contentType(MediaType.TEXT_HTML_TYPE);
    }

    private Map<String, Object> model() {
        return Overview.model(figures.latest(), figures.history(), figures.enabled());
    }
}
