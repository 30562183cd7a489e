package io.hookbot.ui;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Filter;
import io.micronaut.views.ViewsFilter;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.ViewsResolver;
import io.micronaut.views.turbo.TurboFrameRenderer;
import io.micronaut.views.turbo.TurboStreamRenderer;
import jakarta.inject.Inject;

/**
 * Micronaut Views' filter, which renders a page's {@code ModelAndView}, on the dashboard's paths only. The filter
 * Micronaut Views ships matches every path, and being a filter of the older, reactive kind it wraps every call's
 * route in a reactive chain: the admin API's, the health checks' and the routed webhooks', none of which has a view
 * to render. Only {@code /ui} returns views, so only {@code /ui} goes through it.
 */
@Replaces(ViewsFilter.class)
@Requires(beans = ViewsResolver.class)
@Filter({"/ui", "/ui/**"})
public class DashboardViewsFilter extends ViewsFilter {

    /**
     * @param viewsResolver        finds a response's view
     * @param viewsRendererLocator finds the template engine
     * @param viewsModelDecorator  adds to the model
     * @param turboStreamRenderer  Turbo streams (unused by the dashboard, wanted by the filter)
     * @param turboFrameRenderer   Turbo frames (likewise)
     */
    @Inject
    public DashboardViewsFilter(ViewsResolver viewsResolver, ViewsRendererLocator viewsRendererLocator,
                                ViewsModelDecorator viewsModelDecorator, TurboStreamRenderer turboStreamRenderer,
                                TurboFrameRenderer turboFrameRenderer) {
        super(viewsResolver, viewsRendererLocator, viewsModelDecorator, turboStreamRenderer, turboFrameRenderer);
    }
}
