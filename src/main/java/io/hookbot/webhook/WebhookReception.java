package io.hookbot.webhook;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.Platform;
import io.hookbot.channel.RefusalLog;
import io.hookbot.channel.StoreOutcome;
import io.hookbot.channel.WebhookMediaType;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.inbox.InboxWriter;
import io.hookbot.inbox.journal.UnstorableEventsException;
import io.hookbot.metrics.WebhookMeters;
import io.hookbot.worker.SafeErrors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What a webhook call gets, whichever way it came in ({@link WebhookFastPath} on the server's event loop, or the
 * {@link WebhookController} route): verify, read, store in the inbox, then acknowledge. The acknowledgement is sent
 * only after the events are stored (committed, or on the embedded H2 journaled: {@link InboxWriter}); processing
 * happens later, off the request.
 *
 * <p>In order: an unknown channel is a 404; a {@code Content-Type} the platform does not send a 415
 * ({@link WebhookMediaType}); then the platform checks the credentials and reads the body (401, 400); then the
 * inbox refuses what its table cannot hold (413, 400). Every refusal is logged by {@link RefusalLog}.
 */
@Singleton
public class WebhookReception {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReception.class);

    private final ChannelRegistry channels;
    private final InboxWriter inbox;
    private final RefusalLog refusals;
    private final WebhookMeters meters;

    public WebhookReception(ChannelRegistry channels, InboxWriter inbox, RefusalLog refusals, WebhookMeters meters) {
        this.channels = channels;
        this.inbox = inbox;
        this.refusals = refusals;
        this.meters = meters;
    }

    /**
     * @param channel the channel name from the URL, decoded
     * @param call    the call
     * @return the platform's acknowledgement, or a JSON error
     */
    public CompletableFuture<HttpResponse<?>> receive(String channel, WebhookCall call) {
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
            String type = WebhookMediaType.check(platform, call.contentType());
            events = platform.read(config, call.request(type));
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

}
