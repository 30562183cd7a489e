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
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * {@code /admin}: the inbox backlog and failed events, outbox rows and channels for an operator (token-checked by
 * {@link AccessFilter}). Parses the request and hands it to a service; errors come back as JSON
 * {@code {error, field?, message}}.
 *
 * <p>The {@code @Operation}, {@code @Tag} and {@code @ApiResponse} annotations, with the javadoc, are what
 * micronaut-openapi writes into {@code /openapi.yml} ({@link ApiDocumentController}); the shared error answers they
 * refer to are in {@code src/main/openapi/components.yml}.
 */
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", ref = AdminController.UNAUTHORIZED)
@ApiResponse(responseCode = "404", ref = AdminController.ADMIN_DISABLED)
@Controller(value = "/admin", produces = MediaType.APPLICATION_JSON)
public class AdminController {

    static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    static final String READ_ONLY = "#/components/responses/ReadOnlyToken";
    static final String INVALID = "#/components/responses/InvalidParameter";
    static final String ADMIN_DISABLED = "#/components/responses/AdminDisabled";
    static final String NOT_FOUND = "#/components/responses/NotFoundOrAdminDisabled";
    static final String CONFLICT = "#/components/responses/Conflict";

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
    @Operation(operationId = "inboxBacklog",
            summary = "The inbox backlog: pending, held and failed events, in all and per channel")
    @Tag(name = "inbox")
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
    @Operation(operationId = "listFailedEvents",
            summary = "The events whose turn failed, newest first, with their errors")
    @Tag(name = "inbox")
    @ApiResponse(responseCode = "400", ref = INVALID)
    @Get("/inbox/failed{?channel,page,size}")
    public Map<String, Object> failedEvents(
            @Nullable @QueryValue String channel,
            @Nullable @QueryValue @Parameter(schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            String page,
            @Nullable @QueryValue
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
            String size) {
        return inbox.failed(channel == null || channel.isBlank() ? null : channel.trim(),
                AdminParams.integer("page", page, 0, 1_000_000, 0),
                AdminParams.integer("size", size, 1, AdminParams.MAX_PAGE_SIZE, AdminParams.DEFAULT_PAGE_SIZE));
    }

    /**
     * @param id an inbox event whose turn failed
     * @return the event, pending again: its conversation's next turn takes it
     */
    @Operation(operationId = "retryEvent", summary = "Turn a failed event again, next in its conversation")
    @Tag(name = "inbox")
    @ApiResponse(responseCode = "400", ref = INVALID)
    @ApiResponse(responseCode = "403", ref = READ_ONLY)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = CONFLICT)
    @Post("/inbox/{id}/retry")
    public Map<String, Object> retryEvent(@PathVariable String id) {
        return inbox.retry(AdminParams.id(id));
    }

    /** @return the acknowledged events the inbox table refused for good (embedded H2 only), oldest first */
    @Operation(operationId = "listQuarantine",
            summary = "The events the inbox table refused for good (embedded H2 only)")
    @Tag(name = "inbox")
    @Get("/inbox/quarantine")
    public Map<String, Object> quarantined() {
        return quarantine.list();
    }

    /**
     * @param id a quarantined event's id
     * @return the event, with its stored form
     */
    @Operation(operationId = "showQuarantined", summary = "One quarantined event, with its stored form")
    @Tag(name = "inbox")
    @ApiResponse(responseCode = "400", ref = INVALID)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @Get("/inbox/quarantine/{id}")
    public Map<String, Object> quarantinedEvent(@PathVariable String id) {
        return quarantine.show(id);
    }

    /**
     * @param id a quarantined event's id
     * @return the event's new status: stored in the inbox (its turn comes), or a duplicate of one stored meanwhile
     */
    @Operation(operationId = "retryQuarantined", summary = "Store a quarantined event in the inbox again")
    @Tag(name = "inbox")
    @ApiResponse(responseCode = "400", ref = INVALID)
    @ApiResponse(responseCode = "403", ref = READ_ONLY)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = CONFLICT)
    @Post("/inbox/quarantine/{id}/retry")
    public Map<String, Object> retryQuarantined(@PathVariable String id) {
        return quarantine.retry(id);
    }

    /**
     * @param id a quarantined event's id
     * @return that it is gone for good
     */
    @Operation(operationId = "dropQuarantined", summary = "Drop a quarantined event for good")
    @Tag(name = "inbox")
    @ApiResponse(responseCode = "400", ref = INVALID)
    @ApiResponse(responseCode = "403", ref = READ_ONLY)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
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
    @Operation(operationId = "listOutbox", summary = "The outbox rows, newest first, by status and channel")
    @Tag(name = "outbox")
    @ApiResponse(responseCode = "400", ref = INVALID)
    @Get("/outbox{?status,channel,page,size}")
    public Map<String, Object> list(
            @Nullable @QueryValue
            @Parameter(schema = @Schema(allowableValues = {"PENDING", "SENDING", "SENT", "FAILED"}))
            String status,
            @Nullable @QueryValue String channel,
            @Nullable @QueryValue @Parameter(schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            String page,
            @Nullable @QueryValue
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
            String size) {
        return outbox.list(AdminParams.status(status), channel == null || channel.isBlank() ? null : channel.trim(),
                AdminParams.integer("page", page, 0, 1_000_000, 0),
                AdminParams.integer("size", size, 1, AdminParams.MAX_PAGE_SIZE, AdminParams.DEFAULT_PAGE_SIZE));
    }

    /**
     * @param id an outbox row id
     * @return the row with its attempt history
     */
    @Operation(operationId = "showOutboxRow", summary = "One outbox row, with every attempt to send it")
    @Tag(name = "outbox")
    @ApiResponse(responseCode = "400", ref = INVALID)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @Get("/outbox/{id}")
    public OutboxRowView show(@PathVariable String id) {
        return outbox.show(AdminParams.id(id));
    }

    /**
     * @param id a dead-lettered outbox row id
     * @return the row, waiting again
     */
    @Operation(operationId = "retryOutboxRow", summary = "Send a dead-lettered reply again")
    @Tag(name = "outbox")
    @ApiResponse(responseCode = "400", ref = INVALID)
    @ApiResponse(responseCode = "403", ref = READ_ONLY)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = CONFLICT)
    @Post("/outbox/{id}/retry")
    public OutboxRowView retry(@PathVariable String id) {
        return outbox.retry(AdminParams.id(id));
    }

    /** @return the channels, each with whether it is paused and why */
    @Operation(operationId = "listChannels", summary = "The channels, each with whether it is paused and why")
    @Tag(name = "channels")
    @Get("/channels")
    public List<Map<String, Object>> channels() {
        return channels.list();
    }

    /**
     * @param name a paused channel
     * @return the channel, resumed
     */
    @Operation(operationId = "resumeChannel", summary = "Resume a channel paused by its gateway's 401 or 403")
    @Tag(name = "channels")
    @ApiResponse(responseCode = "403", ref = READ_ONLY)
    @ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = CONFLICT)
    @Post("/channels/{name}/resume")
    public Map<String, Object> resume(@PathVariable String name) {
        return channels.resume(name);
    }

    /**
     * @param request   the call
     * @param exception what was refused
     * @return its JSON answer
     */
    @Hidden
    @Error(exception = AdminException.class)
    public HttpResponse<Map<String, Object>> refused(HttpRequest<?> request, AdminException exception) {
        return exception.toResponse();
    }
}
