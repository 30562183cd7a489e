package io.hookbot.ui;

import io.hookbot.admin.AdminException;
import io.hookbot.admin.HandOffAdminService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The transcript page's human-mode forms ({@code docs/handoff.md}): hand the conversation off
 * ({@code POST /ui/conversations/{id}/handoff}), give it back to the bot ({@code …/release}) and send a message as
 * the agent ({@code …/messages}), each the admin API's call of the same name ({@link HandOffAdminService}) behind
 * the session's CSRF token; the browser goes back to the transcript with what was done, or why nothing was.
 */
@Hidden
@Controller(value = "/ui/conversations", produces = MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HandOffForms {

    private final DashboardSessions sessions;
    private final HandOffAdminService handOffs;

    public HandOffForms(DashboardSessions sessions, HandOffAdminService handOffs) {
        this.sessions = sessions;
        this.handOffs = handOffs;
    }

    /**
     * @param request the call
     * @param id      the conversation
     * @param csrf    the session's CSRF token
     * @param channel the agent target's channel, or blank for none
     * @param address the agent's address, or blank
     * @param idle    the idle time ({@code 4h})
     * @param note    why, or blank
     * @return back to the transcript
     */
    @Post(value = "/{id}/handoff", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> handOff(HttpRequest<?> request, @PathVariable String id,
                                          @Nullable @Body("csrf") String csrf, @Nullable @Body("channel") String channel,
                                          @Nullable @Body("address") String address,
                                          @Nullable @Body("for") String idle, @Nullable @Body("note") String note) {
        return act(request, id, csrf, conversation -> {
            handOffs.handOff(conversation, channel, address, idle, note);
            return "The conversation is in human mode: the bot answers nothing until it is released or idle for "
                    + idle.trim() + ".";
        });
    }

    /**
     * @param request the call
     * @param id      the conversation
     * @param csrf    the session's CSRF token
     * @return back to the transcript
     */
    @Post(value = "/{id}/release", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> release(HttpRequest<?> request, @PathVariable String id,
                                          @Nullable @Body("csrf") String csrf) {
        return act(request, id, csrf, conversation -> {
            handOffs.release(conversation);
            return "The bot answers this conversation again.";
        });
    }

    /**
     * @param request the call
     * @param id      the conversation
     * @param csrf    the session's CSRF token
     * @param text    the agent's message
     * @return back to the transcript
     */
    @Post(value = "/{id}/messages", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> message(HttpRequest<?> request, @PathVariable String id,
                                          @Nullable @Body("csrf") String csrf, @Nullable @Body("text") String text) {
        return act(request, id, csrf, conversation -> {
            handOffs.messageText(conversation, text);
            return "Your message is on its way to the customer, after the replies already going to them.";
        });
    }

    private MutableHttpResponse<?> act(HttpRequest<?> request, String id, String csrf, Action action) {
        DashboardSessions.Session session = Page.session(sessions, request);
        if (!DashboardSessions.csrfMatches(session, csrf)) {
            return Csrf.refused(session);
        }
        long conversation;
        try {
            conversation = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            conversation = 0;
        }
        if (conversation < 1) {
            session.notice("Nothing done: there is no conversation " + id + ".");
            return Page.seeOther("/ui/conversations");
        }
        try {
            session.notice(action.run(conversation));
        } catch (AdminException refused) {
            session.notice("Nothing done: " + (refused.field() == null ? "" : refused.field() + " ")
                    + refused.getMessage());
        }
        return Page.seeOther("/ui/conversations/" + conversation);
    }

    /** One form's call. */
    @FunctionalInterface
    private interface Action {
        String run(long conversation);
    }
}
