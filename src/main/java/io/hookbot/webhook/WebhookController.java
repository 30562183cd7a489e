package io.hookbot.webhook;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.Platform;
import io.hookbot.channel.RefusalLog;
import io.hookbot.channel.StoreOutcome;
import io.hookbot.channel.WebhookMediaType;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.hookbot.inbox.InboxWriter;
import io.hookbot.inbox.journal.UnstorableEventsException;
import io.hookbot.metrics.WebhookMeters;
import io.hookbot.worker.SafeErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /webhooks/{channel}}: verify, read, store in the inbox, then acknowledge. The acknowledgement is sent
 * only after the events are stored (committed, or on the embedded H2 journaled: {@link InboxWriter}); processing
 * happens later, off the request.
 *
 * <p>In order: an unknown channel is a 404; a {@code Content-Type} the platform does not send a 415
 * ({@link WebhookMediaType}); then the platform checks the credentials and reads the body (401, 400); then the
 * inbox refuses what its table cannot hold (413, 400). Every refusal is logged by {@link RefusalLog}.
 *
 * <p>The platform is given the query parameters and every header as the call had them ({@link WebhookRequest}), so
 * that one that signs its calls can check the signature ({@link io.hookbot.channel.HmacSignature}).
 */
@Controller("/webhooks")
@Tag(name = "webhooks")
public class WebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final ChannelRegistry channels;
    private final InboxWriter inbox;
    private final RefusalLog refusals;
    private final WebhookMeters meters;

    public WebhookController(ChannelRegistry channels, InboxWriter inbox, RefusalLog refusals, WebhookMeters meters) {
        this.channels = channels;
        this.inbox = inbox;
        this.refusals = refusals;
        this.meters = meters;
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
        long started = meters.start();
        ChannelConfig config = channels.find(channel).orElse(null);
        if (config == null) {
            refusals.unknownChannel(channel);
            meters.unknownChannel();
            return CompletableFuture.completedFuture(HttpResponse.notFound(Map.of(
                    "error", "unknown_channel",
                    "message", "no channel named '" + RefusalLog.printable(channel)
                            + "' is configured under hookbot.channels")));
        }
        Platform platform = channels.platformOf(config);
        List<InboundEvent> events;
        try {
            String type = WebhookMediaType.check(platform, request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
            events = platform.read(config, toWebhookRequest(request, type, body));
        } catch (WebhookRejection rejection) {
            return CompletableFuture.completedFuture(refuse(config, platform, rejection));
        } catch (RuntimeException bug) {
            // a platform's own mistake, not the caller's: its message may quote the payload, so only the trace's top
            StackTraceElement[] trace = bug.getStackTrace();
            LOG.error("Platform {} failed to read a webhook on {}: {} at {} (the full trace is logged at DEBUG)",
                    platform.id(), channel, bug.getClass().getName(), trace.length == 0 ? "?" : trace[0]);
            LOG.debug("Platform {} failed to read a webhook on {}", platform.id(), channel, bug);
            meters.refused(config.name(), "invalid_payload");
            return CompletableFuture.completedFuture(platform.reject(config, new WebhookRejection(
                    HttpStatus.BAD_REQUEST, "invalid_payload", null, "the payload could not be read")));
        }
        CompletableFuture<StoreOutcome> stored;
        try {
            stored = inbox.store(config.name(), events);
        } catch (WebhookRejection unstorable) {
            return CompletableFuture.completedFuture(refuse(config, platform, unstorable));
        }
        return stored
                .<HttpResponse<?>>thenApply(outcome -> {
                    meters.acknowledged(config.name(), outcome.stored(), outcome.duplicates(), started);
                    return platform.acknowledge(config, outcome);
                })
                .exceptionally(failure -> unstored(config, platform, failure));
    }

    /**
     * A call the inbox did not store: refused for good when the database cannot hold its data (retrying cannot
     * help), otherwise 503 with {@code Retry-After}, so the platform tries again. The inbox writer's worker logs the
     * database's trouble once, and readiness shows it; one line per call here would flood the log while it lasts.
     */
    private HttpResponse<?> unstored(ChannelConfig config, Platform platform, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        LOG.debug("Could not store a webhook on {}", config.name(), cause);
        if (cause instanceof UnstorableEventsException unstorable) {
            meters.refused(config.name(), "unstorable");
            return platform.reject(config, new WebhookRejection(HttpStatus.BAD_REQUEST, "unstorable", null,
                    unstorable.getMessage() + "; it is not stored"));
        }
        meters.unavailable(config.name());
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Map.of("error", "unavailable", "message", "the inbox could not store the events ("
                        + SafeErrors.describe(cause) + "); retry later"));
    }

    /** The platform's answer to a refused call, logged (rate-limited) with the status it actually answers. */
    private HttpResponse<?> refuse(ChannelConfig config, Platform platform, WebhookRejection rejection) {
        HttpResponse<?> response = platform.reject(config, rejection);
        meters.refused(config.name(), rejection.error());
        refusals.refused(config.name(), rejection, response.code());
        return response;
    }

    private static WebhookRequest toWebhookRequest(HttpRequest<?> request, String contentType, byte[] body) {
        Map<String, String> query = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, values));
        return new WebhookRequest(contentType, body, query, headers);
    }
}
