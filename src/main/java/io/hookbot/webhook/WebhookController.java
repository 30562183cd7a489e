package io.hookbot.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /webhooks/{channel}} as a Micronaut route: the calls {@link WebhookFastPath} leaves to the router (a
 * chunked body, {@code Expect: 100-continue}, a call pipelined behind another route's, or every call when the fast
 * path is off) and the endpoint's place in the API document. What a call gets is {@link WebhookReception}'s.
 *
 * <p>The platform is given the query parameters and every header as the call had them ({@link io.hookbot.channel.WebhookRequest}), so
 * that one that signs its calls can check the signature ({@link io.hookbot.channel.HmacSignature}).
 */
@Controller("/webhooks")
@Tag(name = "webhooks")
public class WebhookController {

    private final WebhookReception reception;

    public WebhookController(WebhookReception reception) {
        this.reception = reception;
    }

    /**
     * @param channel the channel name from the URL
     * @param request the call
     * @param body    the raw body
     * @return the platform's acknowledgement, or a JSON error
     */
    @Operation(operationId = "receiveWebhook", summary = "A platform's webhook: checked, stored, then acknowledged",
            description = "Open to anyone: the channel's platform checks its own credentials (a secret, a client"
                    + " key, a signature or a URL token) and reads the body in the platform's format"
                    + " (docs/platforms.md). The acknowledgement goes out once the events are stored; they are"
                    + " processed later. The `Authorization` header is ignored. A platform that disables a URL"
                    + " answering 401 or 403 (MQTT chat) is answered 404 instead.")
    @ApiResponse(responseCode = "200", description = "Stored (or a duplicate of a stored call): the platform's"
            + " acknowledgement, `{\"stored\":n,\"duplicates\":n}` unless the platform expects another",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @ApiResponse(responseCode = "400", description = "The body could not be read, or holds what the inbox cannot"
            + " store", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @ApiResponse(responseCode = "401", description = "The platform's credentials are missing or wrong",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @ApiResponse(responseCode = "404", description = "No channel of that name is configured under"
            + " hookbot.channels", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @ApiResponse(responseCode = "413", description = "The body or one of its fields is larger than hookbot stores",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @ApiResponse(responseCode = "415", description = "A Content-Type the platform does not send",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @ApiResponse(responseCode = "503", description = "The inbox could not store the events now: retry after"
            + " `Retry-After` seconds", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Post(uri = "/{channel}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> receive(@PathVariable String channel, HttpRequest<?> request,
                                                      @Nullable @Body byte[] body) {
        return reception.receive(channel, call(request, body));
    }

    private static WebhookCall call(HttpRequest<?> request, byte[] body) {
        Map<String, String> query = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, values));
        return new WebhookCall(request.getHeaders().get(HttpHeaders.CONTENT_TYPE), query, headers, body);
    }
}
