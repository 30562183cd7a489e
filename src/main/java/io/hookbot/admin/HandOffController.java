package io.hookbot.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/**
 * {@code /admin/conversations/{id}/handoff}, {@code …/release} and {@code …/messages}: human mode
 * (docs/handoff.md). A hand-off makes the bot step back in the conversation and forwards the customer's messages
 * to an agent; the agent answers through {@code messages}, sent on the conversation's own channel through the
 * outbox; a release, or the idle time passing, gives the conversation back to the bot. Behind the admin token
 * ({@link AccessFilter}: the read-only api token may not call them).
 */
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", ref = AdminController.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = AdminController.READ_ONLY)
@ApiResponse(responseCode = "404", ref = AdminController.NOT_FOUND)
@Controller(value = "/admin/conversations", produces = MediaType.APPLICATION_JSON)
public class HandOffController {

    private final HandOffAdminService handOffs;

    HandOffController(HandOffAdminService handOffs) {
        this.handOffs = handOffs;
    }

    /**
     * @param id   the conversation
     * @param body {@code {"to": {"channel": …, "address": …}, "for": "4h", "note": …}}; {@code to} and
     *             {@code note} optional
     * @return the conversation's mode ({@code human}) and its hand-off
     */
    @Operation(operationId = "handOffConversation",
            summary = "Put a conversation in human mode: the bot answers nothing, the customer's messages go to "
                    + "the agent",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value = "{\"to\": {\"channel\": \"agents-sms\", \"address\": "
                            + "\"+15550100\"}, \"for\": \"4h\", \"note\": \"asked for a person\"}"))))
    @Tag(name = "conversations")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @Consumes(MediaType.APPLICATION_JSON)
    @Post("/{id}/handoff")
    public Map<String, Object> handOff(@PathVariable String id, @Nullable @Body String body) {
        return handOffs.handOff(AdminParams.positive("id", id, "a conversation id"), body);
    }

    /**
     * @param id the conversation
     * @return its mode ({@code bot}) and the hand-off that was released
     */
    @Operation(operationId = "releaseConversation", summary = "Give a conversation in human mode back to the bot")
    @Tag(name = "conversations")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @ApiResponse(responseCode = "409", ref = AdminController.CONFLICT)
    @Post("/{id}/release")
    public Map<String, Object> release(@PathVariable String id) {
        return handOffs.release(AdminParams.positive("id", id, "a conversation id"));
    }

    /**
     * @param id   the conversation
     * @param body {@code {"text": …}}
     * @return the message as the conversation's log records it, and where it goes
     */
    @Operation(operationId = "sendAgentMessage",
            summary = "Send an agent's message to the conversation's customer, on its own channel, through the outbox",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value = "{\"text\": \"Hello, this is Ana from support.\"}"))))
    @Tag(name = "conversations")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @ApiResponse(responseCode = "409", ref = AdminController.CONFLICT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Post("/{id}/messages")
    public Map<String, Object> message(@PathVariable String id, @Nullable @Body String body) {
        return handOffs.message(AdminParams.positive("id", id, "a conversation id"), body);
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
