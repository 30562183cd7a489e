package io.hookbot.channel.webinato;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.StoreOutcome;
import io.hookbot.channel.UrlTokenPlatform;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookMediaType;
import io.hookbot.channel.WebhookRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The {@code webinato} platform: Webinato's RealTimeChat webhook, a form POST every 60–180 seconds per room with
 * {@code inquiry=realTimeChat}, {@code roomID}, {@code sender}, {@code batchNo} and {@code msgsJSON}, a JSON array
 * of {@code {authorName, authorRole, ts, msgID, text}} inside a form field.
 *
 * <p>Only forms are accepted ({@link #mediaTypes}); the parser also reads JSON of the same shape, for sample files
 * replayed from disk.
 *
 * <p>Settings of a channel: {@code token} (required). Webinato signs nothing and has no secret of its own, so the
 * webhook URL carries one: give Webinato Sales {@code /webhooks/<channel>?token=<token>}. A missing or wrong
 * token is answered 401.
 *
 * <p>Quirks:
 * <ul>
 *   <li>Batches arrive late and out of order, and {@code batchNo} starts again at 1 when a room restarts; each
 *       message carries {@code (batchNo, msgID)} as its {@link io.hookbot.api.MessageReceived.Sequence} so the
 *       inbox can put them back in order.</li>
 *   <li>Every call is read as one {@link io.hookbot.channel.BatchMark} (dedupe key
 *       {@code batch:<roomID>:<batchNo>:<digest of the messages' keys>}) ahead of its messages, which the inbox
 *       stores in {@code msgID} order. The marker gives the call its place in the numbering even when it carried no
 *       messages ({@code msgsJSON=[]}, or left empty) or only messages already stored (Webinato resends messages in
 *       its next call after a call it believes failed); it is not an event, and the sequencer consumes it without
 *       a turn.</li>
 *   <li>Any other {@code inquiry} is a 400 naming it (the PHP reference answers "Bad Inquiry").</li>
 *   <li>{@code authorRole} 0 and 1 are attendees, 2 the presenter, 3 the organizer; another number leaves the
 *       sender without a role rather than dropping the batch.</li>
 *   <li>There is no way to answer in the room: a bot must answer on another channel (a
 *       {@link io.hookbot.api.Send} naming it). {@link #sender} is empty, so replies addressed here go to the
 *       dry-run log sender.</li>
 * </ul>
 *
 * <p>Conversation: {@code room:<roomID>}. Sender: the author's name as id and name (Webinato gives nothing else).
 *
 * <p>Dedupe key: {@code msg:<roomID>:<msgID>:<ts>}: Webinato's incremental message id within its room and the
 * message's time, so a batch sent twice, or a message repeated in a later batch, is stored once, while a msgID that
 * reappears with another time after the room restarted is a new message. The acknowledgement counts messages, not
 * the marker ({@link #acknowledge}).
 */
@Singleton
public class WebinatoPlatform extends UrlTokenPlatform {

    /** The platform id. */
    public static final String ID = "webinato";

    private final WebinatoParser parser = new WebinatoParser();

    public WebinatoPlatform() {
        super(ID, "Webinato");
    }

    /** Webinato posts a form (its PHP example reads {@code $_POST}); any other body is a 415. */
    @Override
    public List<String> mediaTypes() {
        return List.of(WebhookMediaType.FORM);
    }

    /**
     * Counts the call's messages, leaving its marker out. The marker is stored exactly when the call is new: its key
     * covers every message's key, so a marker already stored means the same call was stored before, messages and
     * all (retention deletes a call's marker no later than its messages, oldest id first).
     */
    @Override
    public HttpResponse<?> acknowledge(ChannelConfig channel, StoreOutcome stored) {
        boolean markerStored = stored.stored() > 0;
        return HttpResponse.ok(new StoreOutcome(stored.stored() - (markerStored ? 1 : 0),
                Math.max(0, stored.duplicates() - (markerStored ? 0 : 1))));
    }

    @Override
    protected List<InboundEvent> parse(String channel, WebhookRequest request) throws WebhookRejection {
        return parser.parse(channel, request);
    }

    /**
     * Webinato has no API to post into a room's chat: a room's messages are answered with a {@code send} on
     * another channel.
     */
    @Override
    public boolean repliesInConversation() {
        return false;
    }
}
