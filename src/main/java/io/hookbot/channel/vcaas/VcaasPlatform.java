package io.hookbot.channel.vcaas;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.StoreOutcome;
import io.hookbot.channel.UrlTokenPlatform;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The {@code vcaas} platform: VCaaS's real-time meeting callbacks and its post-meeting data push, JSON POSTs that
 * may all share one URL. Each becomes an event in the meeting's conversation {@code meeting:<meetingUid>}:
 *
 * <ul>
 *   <li>User join/leave ({@code userStatus} 0 joined, 1 left, 2 in the waiting room): a
 *       {@link io.hookbot.api.PresenceChanged} JOINED, LEFT or WAITING scoped to the meeting, the user being
 *       {@code externalId} with {@code externalName} and a role from {@code userRole} (0 {@code teacher},
 *       1 {@code it-support}, 2 {@code student}).</li>
 *   <li>Meeting start/end ({@code meetingStatus} 0 started, 1 ended, with {@code meetingEndType} 0 regular,
 *       1 irregular (network error)): a {@link io.hookbot.api.MeetingEvent} STARTED, ENDED or ENDED_IRREGULARLY.</li>
 *   <li>Recording start/stop ({@code recordingStatus} 0 started, 1 stopped): RECORDING_STARTED or
 *       RECORDING_STOPPED, by the user, or by the system when {@code userRole} is 2.</li>
 *   <li>End class for all (no status field, {@code userRole} and {@code externalId}): CLASS_ENDED by that user.</li>
 *   <li>The post-meeting data push (top-level {@code meetingData}, {@code attendeeDatas},
 *       {@code meetingVideoData}, {@code meetingInteractiveData}, {@code attendeeInteractiveDatas}): one REPORT
 *       event with the whole report, as sent, in its details.</li>
 * </ul>
 * The callbacks are told apart by which status field is present; a body with two of them, or with none and no
 * sign of an end-class or report, is a 400. An unknown {@code userRole} leaves the user without a role.
 *
 * <p>Settings of a channel: {@code token} (required). VCaaS signs nothing, so give it
 * {@code /webhooks/<channel>?token=<token>} as {@code userJoinLeaveUrl}, {@code meetingStartEndUrl},
 * {@code recordingStartEndUrl}, {@code endClassForAllUrl} and {@code callbackUrl}. A missing or wrong token is a
 * 401 (JSON, like every refusal).
 *
 * <p>Quirks:
 * <ul>
 *   <li>VCaaS wants HTTP 200 with the body {@code success} (text/plain); anything else makes it send again after
 *       15 s, 30 s, 180 s and 1800 s (the data push after 5, 10, 15 and 30 minutes). {@link #acknowledge} answers
 *       {@code success}, also for a redelivery.</li>
 *   <li>Numbers come as strings or as numbers, both are read; ids and names come as strings and only strings
 *       are taken (the parser's Javadoc gives each field's type). Timestamps are Unix seconds; a value too large
 *       to be seconds (from the year 5000 on) is read as milliseconds, the unit of the report's own
 *       timestamps.</li>
 *   <li>The doc's examples miss commas; the samples in {@code bots/samples/vcaas/} are the corrected JSON.</li>
 * </ul>
 *
 * <p>Dedupe key: the callbacks carry no id, so a retry is recognised by {@code <kind>:<timestamp in seconds>:} plus
 * a hash of the callback kind, {@code meetingUid}, {@code externalId}, the status and the timestamp, as sent each
 * time ({@link io.hookbot.channel.Digests#timeOrderedKey}). The
 * report is one per meeting: {@code report:<meetingUid>}.
 *
 * <p>There is no way to write into a meeting: a bot must answer on another channel (a {@link io.hookbot.api.Send}
 * naming it). {@link #sender} is empty, so replies addressed here go to the dry-run log sender.
 */
@Singleton
public class VcaasPlatform extends UrlTokenPlatform {

    /** The platform id. */
    public static final String ID = "vcaas";

    private final VcaasParser parser = new VcaasParser();

    public VcaasPlatform() {
        super(ID, "VCaaS");
    }

    @Override
    protected List<InboundEvent> parse(String channel, WebhookRequest request) throws WebhookRejection {
        return parser.parse(channel, request);
    }

    /** VCaaS counts a delivery as received only on HTTP 200 with the body {@code success}. */
    @Override
    public HttpResponse<?> acknowledge(ChannelConfig channel, StoreOutcome stored) {
        return HttpResponse.ok("success").contentType(MediaType.TEXT_PLAIN_TYPE);
    }

    /**
     * VCaaS has no API to answer in a meeting: its events are answered with a {@code send} on another channel.
     */
    @Override
    public boolean repliesInConversation() {
        return false;
    }
}
