package io.hookbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Map;

/**
 * {@code /admin/opt-outs}: the addresses that opted out (STOP), who, when and how; one added or removed by an
 * operator; the registry exported and imported as CSV ({@link OptOutAdminService}). Behind the admin token
 * ({@link AccessFilter}), or for the GETs the read-only api token.
 */
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", ref = AdminController.UNAUTHORIZED)
@ApiResponse(responseCode = "404", ref = AdminController.ADMIN_DISABLED)
@Controller(value = "/admin/opt-outs", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OptOutsController {

    private static final int MAX_FILTER = 300;
    /** Writes every field, nulls included, so a client reads the same shape whatever the row holds. */
    private static final ObjectMapper EVERY_FIELD = new ObjectMapper();

    private final OptOutAdminService optOuts;

    public OptOutsController(OptOutAdminService optOuts) {
        this.optOuts = optOuts;
    }

    /**
     * @param channel only the registry this channel reads (its opt-out scope)
     * @param q       only addresses containing this
     * @param limit   how many, 1–500 (50)
     * @param before  the {@code next} of the previous page
     * @return {@code optOuts}, newest first, each with its id, scope, address, channel, source ({@code KEYWORD},
     *         {@code ADMIN}, {@code IMPORT}), actor, the event of its keyword and when; {@code next} when there are more
     */
    @Operation(operationId = "listOptOuts", summary = "The addresses that opted out, newest first: who, when, how")
    @Tag(name = "opt-outs")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @Get("{?channel,q,limit,before}")
    public JsonNode list(@Nullable @QueryValue String channel, @Nullable @QueryValue String q,
                         @Nullable @QueryValue
                         @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500",
                                 defaultValue = "50"))
                         String limit,
                         @Nullable @QueryValue @Parameter(schema = @Schema(type = "integer", minimum = "1"))
                         String before) {
        return EVERY_FIELD.valueToTree(optOuts.list(filter("channel", channel), filter("q", q),
                AdminParams.integer("limit", limit, 1, 500, 50),
                blank(before) ? null : AdminParams.positive("before", before, "an opt-out id")));
    }

    /**
     * @param body      {@code {"channel": "sms-main", "address": "+15550100"}}: the address as a send to it names it
     *                  ({@code whatsapp:+15550100} for WhatsApp)
     * @param principal the caller
     * @return the new opt-out (201); from now on nothing goes to the address on the channel's scope
     */
    @Operation(operationId = "addOptOut", summary = "Opt an address out, as if it had sent STOP (no confirmation)")
    @Tag(name = "opt-outs")
    @ApiResponse(responseCode = "201", description = "The opt-out, recorded")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @ApiResponse(responseCode = "403", ref = AdminController.READ_ONLY)
    @ApiResponse(responseCode = "409", ref = AdminController.CONFLICT)
    @Post(consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<JsonNode> add(@Body String body, @Nullable Principal principal) {
        JsonNode json;
        try {
            json = EVERY_FIELD.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw AdminException.invalid("body", "is not JSON: {\"channel\": \"sms-main\", \"address\": \"+15550100\"}");
        }
        if (json == null || !json.isObject()) {
            throw AdminException.invalid("body", "must be an object: {\"channel\": \"sms-main\", \"address\": "
                    + "\"+15550100\"}");
        }
        return HttpResponse.<JsonNode>status(HttpStatus.CREATED).body(EVERY_FIELD.valueToTree(optOuts.add(
                text(json, "channel"), text(json, "address"), actor(principal))));
    }

    /**
     * @param id        an opt-out's id
     * @param principal the caller
     * @return the opt-out removed: the address gets messages again (as after START, without a confirmation)
     */
    @Operation(operationId = "removeOptOut", summary = "Remove an opt-out: the address gets messages again")
    @Tag(name = "opt-outs")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @ApiResponse(responseCode = "403", ref = AdminController.READ_ONLY)
    @ApiResponse(responseCode = "404", ref = AdminController.NOT_FOUND)
    @Delete("/{id}")
    public JsonNode remove(@PathVariable String id, @Nullable Principal principal) {
        return EVERY_FIELD.valueToTree(optOuts.remove(AdminParams.positive("id", id, "an opt-out id"),
                actor(principal)));
    }

    /**
     * @param channel only the registry this channel reads
     * @return the registry as CSV, newest first: {@code channel,address,scope,source,actor,event_id,opted_out_at}
     */
    @Operation(operationId = "exportOptOuts", summary = "The opt-outs as CSV, the import's format")
    @Tag(name = "opt-outs")
    @ApiResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv"))
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @Get(value = "/export{?channel}", produces = "text/csv")
    public HttpResponse<String> export(@Nullable @QueryValue String channel) {
        StringWriter out = new StringWriter();
        try {
            optOuts.export(filter("channel", channel), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString()).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"opt-outs.csv\"");
    }

    /**
     * @param csv       a CSV whose first line names the columns, among them {@code channel} and {@code address}
     *                  (an export's other columns are read past)
     * @param principal the caller
     * @return {@code added} and {@code alreadyOptedOut}; with any wrong line, a 400 listing each ({@code errors}:
     *         line, field, message) and nothing imported
     */
    @Operation(operationId = "importOptOuts", summary = "Import opt-outs from CSV: all lines or, if one is wrong, none")
    @Tag(name = "opt-outs")
    @ApiResponse(responseCode = "400", ref = AdminController.INVALID)
    @ApiResponse(responseCode = "403", ref = AdminController.READ_ONLY)
    @Post(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    public JsonNode importCsv(@Body String csv, @Nullable Principal principal) {
        return EVERY_FIELD.valueToTree(optOuts.importCsv(csv, actor(principal)));
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

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw AdminException.invalid(field, "must be a string, not " + value.getNodeType().name().toLowerCase());
        }
        if (value.asText().length() > MAX_FILTER) {
            throw AdminException.invalid(field, "is longer than " + MAX_FILTER + " characters");
        }
        return value.asText();
    }

    private static String actor(Principal principal) {
        return principal == null ? "admin" : principal.getName();
    }

    private static String filter(String field, String value) {
        return AdminParams.filter(field, value, MAX_FILTER);
    }

    private static boolean blank(String value) {
        return AdminParams.blank(value);
    }
}
