package io.hookbot.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;
import java.util.Map;

/**
 * {@code /admin}: the inbox backlog and failed events, outbox rows and channels for an operator (token-checked by
 * {@link AccessFilter}). Parses the request and hands it to a service; errors come back as JSON
 * {@code {error, field?, message}}.
 */
@Controller(value = "/admin", produces = MediaType.APPLICATION_JSON)
public class AdminController {

    private final OutboxAdminService outbox;
    private final ChannelAdminService channels;
    private final InboxAdminService inbox;
    private final QuarantineAdminService quarantine;

    public AdminController(OutboxAdminService outbox, ChannelAdminService channels, InboxAdminService inbox,
                           QuarantineAdminService quarantine) {
        this.outbox = outbox;
        this.channels = channels;
        this.inbox = inbox;
        this.quarantine = quarantine;
    }

    /**
     * @return how many acknowledged events wait for their turn (and how long the oldest has waited), how many are
     *         held behind a room's missing batch, how many turns failed; in all and per channel
     */
    @Get("/inbox")
    public Map<String, Object> inbox() {
        return inbox.backlog();
    }

    /**
     * @param channel a channel name; all when absent
     * @param page    the page, from 0
     * @param size    events per page, 1 to 500 (default 50)
     * @return a page of events whose turn failed, newest first, each with its error and the stored event
     */
    @Get("/inbox/failed{?channel,page,size}")
    public Map<String, Object> failedEvents(@Nullable @QueryValue String channel, @Nullable @QueryValue String page,
                                            @Nullable @QueryValue String size) {
        return inbox.failed(channel == null || channel.isBlank() ? null : channel.trim(),
                AdminParams.integer("page", page, 0, 1_000_000, 0),
                AdminParams.integer("size", size, 1, AdminParams.MAX_PAGE_SIZE, AdminParams.DEFAULT_PAGE_SIZE));
    }

    /**
     * @param id an inbox event whose turn failed
     * @return the event, pending again: its conversation's next turn takes it
     */
    @Post("/inbox/{id}/retry")
    public Map<String, Object> retryEvent(@PathVariable String id) {
        return inbox.retry(AdminParams.id(id));
    }

    /** @return the acknowledged events the inbox table refused for good (embedded H2 only), oldest first */
    @Get("/inbox/quarantine")
    public Map<String, Object> quarantined() {
        return quarantine.list();
    }

    /**
     * @param id a quarantined event's id
     * @return the event, with its stored form
     */
    @Get("/inbox/quarantine/{id}")
    public Map<String, Object> quarantinedEvent(@PathVariable String id) {
        return quarantine.show(id);
    }

    /**
     * @param id a quarantined event's id
     * @return the event's new status: stored in the inbox (its turn comes), or a duplicate of one stored meanwhile
     */
    @Post("/inbox/quarantine/{id}/retry")
    public Map<String, Object> retryQuarantined(@PathVariable String id) {
        return quarantine.retry(id);
    }

    /**
     * @param id a quarantined event's id
     * @return that it is gone for good
     */
    @Delete("/inbox/quarantine/{id}")
    public Map<String, Object> dropQuarantined(@PathVariable String id) {
        return quarantine.drop(id);
    }

    /**
     * @param status  PENDING, SENDING, SENT or FAILED (any case); all when absent
     * @param channel a channel name; all when absent
     * @param page    the page, from 0
     * @param size    rows per page, 1 to 500 (default 50)
     * @return a page of rows, newest first
     */
    @Get("/outbox{?status,channel,page,size}")
    public Map<String, Object> list(@Nullable @QueryValue String status, @Nullable @QueryValue String channel,
                                    @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        return outbox.list(AdminParams.status(status), channel == null || channel.isBlank() ? null : channel.trim(),
                AdminParams.integer("page", page, 0, 1_000_000, 0),
                AdminParams.integer("size", size, 1, AdminParams.MAX_PAGE_SIZE, AdminParams.DEFAULT_PAGE_SIZE));
    }

    /**
     * @param id an outbox row id
     * @return the row with its attempt history
     */
    @Get("/outbox/{id}")
    public OutboxRowView show(@PathVariable String id) {
        return outbox.show(AdminParams.id(id));
    }

    /**
     * @param id a dead-lettered outbox row id
     * @return the row, waiting again
     */
    @Post("/outbox/{id}/retry")
    public OutboxRowView retry(@PathVariable String id) {
        return outbox.retry(AdminParams.id(id));
    }

    /** @return the channels, each with whether it is paused and why */
    @Get("/channels")
    public List<Map<String, Object>> channels() {
        return channels.list();
    }

    /**
     * @param name a paused channel
     * @return the channel, resumed
     */
    @Post("/channels/{name}/resume")
    public Map<String, Object> resume(@PathVariable String name) {
        return channels.resume(name);
    }

    /**
     * @param request   the call
     * @param exception what was refused
     * @return its JSON answer
     */
    @Error(exception = AdminException.class)
    public HttpResponse<Map<String, Object>> refused(HttpRequest<?> request, AdminException exception) {
        return exception.toResponse();
    }
}
