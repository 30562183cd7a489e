package io.hookbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/**
 * {@code /admin/conversations}: who wrote, and what the bot did with each message and why — the conversations,
 * newest activity first ({@link ConversationList}), and one conversation's timeline
 * ({@link ConversationTimeline}); and what it would do now with one of its events ({@link ConversationReplay}, a
 * dry run). Behind the admin token ({@link AccessFilter}), or for the GETs the read-only api token.
 */
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", ref = AdminController.UNAUTHORIZED)
@ApiResponse(responseCode = "404", ref = AdminController.ADMIN_DISABLED)
@Controller(value = "/admin/conversations", produces = MediaType.APPLICATION_JSON)
public class ConversationsController {

    /** The longest filter text taken. */
    private static final int MAX_FILTER = 200;
    /**
     * Writes every field, empty lists and nulls included (the application's mapper leaves empty ones out), so a
     * client reads the same shape whatever the conversation holds.
     */
    private static final ObjectMapper EVERY_FIELD = new ObjectMapper();

    private final ConversationList conversations;
    private final ConversationTimeline timeline;
    private final ConversationReplay replay;

    public ConversationsController(ConversationList conversations, ConversationTimeline timeline,
                                   ConversationReplay replay) {
        this.conversations = conversations;
        this.timeline = timeline;
        this.replay = replay;
    }

    /**
     * @param channel only this channel's conversations
     * @param user    only conversations whose key contains this (a phone number, a user id, a room)
     * @param q       only conversations with, for each word of this, a message whose text has a word that begins
     *                with it (case and accents aside; punctuation is not searched), from the text index, which
     *                follows the stored messages within a second or so
     * @param limit   how many, 1–100 (20)
     * @param before  the {@code next} of the previous page
     * @return {@code conversations}, each with its id, channel, key, turns, last turn, and its pending, held and
     *         failed events and dead-lettered replies; {@code next} when there are more; with {@code q}, while the
     *         text index is noticeably behind, {@code textIndexedUpTo}: when the newest message it holds was
     *         received (later ones may not be found yet)
     */
    @Operation(operationId = "listConversations",
            summary = "The conversations, newest activity first, with what waits, was held or failed in each")
    @Tag(name = "conversations")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @Get("{?channel,user,q,limit,before}")
    public JsonNode list(@Nullable @QueryValue String channel, @Nullable @QueryValue String user,
                         @Nullable @QueryValue
                         @Parameter(description = "Words of the conversation's message texts: each must begin a "
                                 + "word of one of its messages, in any case and with or without accents (cafe "
                                 + "finds Café); punctuation separates words and is not searched; each emoji or "
                                 + "Chinese or Japanese character is a word of its own. At most 10 words. Found "
                                 + "once the text index has read the message, normally within a second.")
                         String q,
                         @Nullable @QueryValue
                         @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100",
                                 defaultValue = "20"))
                         String limit,
                         @Nullable @QueryValue String before) {
        Map<String, Object> page = conversations.list(filter("channel", channel), filter("user", user),
                filter("q", q), AdminParams.integer("limit", limit, 1, 100, 20),
                blank(before) ? null : ConversationList.Cursor.parse(before.trim()));
        if (!blank(q)) {
            conversations.textIndexBehind().ifPresent(upTo -> page.put("textIndexedUpTo", upTo.toString()));
        }
        return EVERY_FIELD.valueToTree(page);
    }

    /**
     * @param id     the conversation
     * @param limit  how many of its latest events, 1–500 (100)
     * @param before only events stored before this event id (the {@code earlier} of a timeline)
     * @param raw    {@code true} to add each event's stored form
     * @return the conversation, and its events oldest first, each with its turn (the rules that fired or were
     *         blocked and why, the state set) and its replies with every delivery attempt
     */
    @Operation(operationId = "conversationTimeline",
            summary = "One conversation's events, each with its turn's verdicts, its replies and their attempts")
    @Tag(name = "conversations")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @ApiResponse(responseCode = "404", ref = AdminController.NOT_FOUND)
    @Get("/{id}/timeline{?limit,before,raw}")
    public JsonNode timeline(@PathVariable String id,
                             @Nullable @QueryValue
                             @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500",
                                     defaultValue = "100"))
                             String limit,
                             @Nullable @QueryValue @Parameter(schema = @Schema(type = "integer", minimum = "1"))
                             String before,
                             @Nullable @QueryValue
                             @Parameter(schema = @Schema(type = "boolean", defaultValue = "false"))
                             String raw) {
        long conversation = AdminParams.positive("id", id, "a conversation id");
        Long earlier = blank(before) ? null : AdminParams.positive("before", before, "an event id");
        return EVERY_FIELD.valueToTree(timeline.timeline(conversation, AdminParams.integer("limit", limit, 1, 500, 100),
                earlier, AdminParams.bool("raw", raw)));
    }

    /**
     * @param id    the conversation
     * @param event one of its stored events, by id (the timeline's event {@code id})
     * @return what the rules in force now would do with it, in a dry run (nothing stored, sent or changed): every
     *         rule's verdict and why, the rules that would fire with their actions, the replies they would send, the
     *         state before and the state they would set and clear
     */
    @Operation(operationId = "replayConversationEvent",
            summary = "Dry run: what the rules in force now would do with one stored event (nothing stored or sent)")
    @Tag(name = "conversations")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @ApiResponse(responseCode = "403", ref = AdminController.READ_ONLY)
    @ApiResponse(responseCode = "404", ref = AdminController.NOT_FOUND)
    @Post("/{id}/replay{?event}")
    public JsonNode replay(@PathVariable String id,
                           @Nullable @QueryValue
                           @Parameter(required = true, schema = @Schema(type = "integer", minimum = "1"))
                           String event) {
        long conversation = AdminParams.positive("id", id, "a conversation id");
        if (blank(event)) {
            throw AdminException.invalid("event", "is required: the id of one of the conversation's events "
                    + "(GET /admin/conversations/" + conversation + "/timeline)");
        }
        return EVERY_FIELD.valueToTree(replay.replay(conversation, AdminParams.positive("event", event,
                "an event id")));
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

    private static String filter(String field, String value) {
        return AdminParams.filter(field, value, MAX_FILTER);
    }

    private static boolean blank(String value) {
        return AdminParams.blank(value);
    }
}
