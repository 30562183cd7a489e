package io.hookbot.presence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.PresenceFilter;
import io.hookbot.api.PresenceView;
import io.hookbot.api.UserPresence;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/presence?channel=&status=&scope=}: the current presence view as JSON, every filter optional. An
 * unknown parameter or status is a 400 naming it. Written with a mapper of its own so that every field is present,
 * {@code null} or empty ones included (the HTTP layer's default leaves those out). Private: it names every sender,
 * so it needs the admin or the api token ({@code io.hookbot.admin.AccessFilter}).
 */
@Controller("/api/presence")
public class PresenceController {

    private static final Set<String> FILTERS = Set.of("channel", "status", "scope");
    private static final List<String> STATUSES = Arrays.stream(PresenceChanged.Status.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).toList();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PresenceView presence;

    public PresenceController(PresenceView presence) {
        this.presence = presence;
    }

    /**
     * @param request the request, whose query holds the filters
     * @return {@code {"users":[…]}}, or a 400 naming a bad filter
     */
    @Operation(operationId = "listPresence",
            summary = "Who is online, where and since when, by channel, status and scope",
            parameters = {
                    @Parameter(name = "channel", in = ParameterIn.QUERY, description = "only this channel's users",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "status", in = ParameterIn.QUERY, description = "only users of this status",
                            schema = @Schema(type = "string",
                                    allowableValues = {"online", "offline", "away", "joined", "left", "waiting"})),
                    @Parameter(name = "scope", in = ParameterIn.QUERY, description = "only users in this scope now"
                            + " (a meeting, a Yalgaar channel), joined or waiting", schema = @Schema(type = "string"))
            })
    @Tag(name = "presence")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "200", description = "`{\"users\":[…]}`: each user's channel, id, name, status,"
            + " whether online, since when, when last seen, and their status in each scope",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "An unknown filter, or an unknown status: `field` names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "#/components/schemas/Error")))
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NoTokenConfigured")
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> list(HttpRequest<?> request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : request.getParameters().names()) {
            if (!FILTERS.contains(name)) {
                return invalid(name, "is not a filter; use channel, status or scope");
            }
            query.put(name, request.getParameters().get(name));
        }
        PresenceChanged.Status status = null;
        if (query.get("status") != null) {
            String value = query.get("status").toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(value)) {
                return invalid("status", "'" + query.get("status") + "' is not one of " + STATUSES);
            }
            status = PresenceChanged.Status.valueOf(value.toUpperCase(Locale.ROOT));
        }
        List<UserPresence> users = presence.list(new PresenceFilter(blankToNull(query.get("channel")), status,
                blankToNull(query.get("scope"))));
        return HttpResponse.ok(write(Map.of("users", users.stream().map(PresenceController::toJson).toList())));
    }

    private static Map<String, Object> toJson(UserPresence user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel", user.channel());
        json.put("user", user.user());
        json.put("name", user.name());
        json.put("status", user.status() == null ? null : user.status().name().toLowerCase(Locale.ROOT));
        json.put("online", user.online());
        json.put("since", user.since() == null ? null : user.since().toString());
        json.put("lastSeen", user.lastSeen().toString());
        Map<String, String> scopes = new LinkedHashMap<>();
        user.scopes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> scopes.put(e.getKey(), e.getValue().name().toLowerCase(Locale.ROOT)));
        json.put("scopes", scopes);
        return json;
    }

    private static HttpResponse<String> invalid(String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_filter");
        body.put("field", field);
        body.put("message", field + " " + message);
        return HttpResponse.<String>badRequest().body(write(body));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
