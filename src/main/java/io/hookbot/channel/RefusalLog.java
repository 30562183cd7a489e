package io.hookbot.channel;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs refused webhooks at WARN, so that a platform pointed at the wrong URL, or sending a secret or a format that
 * changed, is visible in the log and not only to the platform. A line names the channel, the status, the error
 * code and the field, never a value, the body or a secret.
 *
 * <p>Rate-limited per (channel, status, error code): the first refusal is logged at once; more within a minute are
 * only counted, and the next line logged for that key says how many there were since when. A platform retrying a
 * bad call every second costs one line a minute. Refusals for channels that are not configured share one key, so
 * calls to made-up channel names cannot grow the table.
 */
@Singleton
public class RefusalLog {

    /** How long after a logged line the same kind of refusal is only counted. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    private static final String UNKNOWN = "\u0000unknown";
    private static final int MAX_CHANNEL = 100;

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** @param clock the time, for the one-minute windows */
    @Inject
    public RefusalLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * A refused call on a configured channel.
     *
     * @param channel   the channel
     * @param rejection why it was refused
     * @param status    the status answered (a platform may answer another than the rejection's)
     */
    public void refused(String channel, WebhookRejection rejection, int status) {
        log(channel, channel, status, rejection.error(), rejection.field());
    }

    /**
     * A call to a channel that is not configured (404).
     *
     * @param channel the name in the URL, as the caller wrote it
     */
    public void unknownChannel(String channel) {
        log(UNKNOWN, "unknown channel '" + printable(channel) + "'", 404, "unknown_channel", null);
    }

    private void log(String key, String channel, int status, String error, String field) {
        Instant now = clock.instant();
        long[] suppressed = {0};
        Instant[] since = {null};
        boolean[] logNow = {false};
        windows.compute(key + "\n" + status + "\n" + error, (k, window) -> {
            if (window == null || !now.isBefore(window.loggedAt.plus(WINDOW))) {
                logNow[0] = true;
                if (window != null) {
                    suppressed[0] = window.suppressed;
                    since[0] = window.loggedAt;
                }
                return new Window(now, 0);
            }
            return new Window(window.loggedAt, window.suppressed + 1);
        });
        if (!logNow[0]) {
            return;
        }
        String what = field == null ? "" : ", field " + field;
        if (suppressed[0] > 0) {
            LOG.warn("Refused a webhook on {}: {} {}{} ({} more since {})", channel, status, error, what,
                    suppressed[0], since[0]);
        } else {
            LOG.warn("Refused a webhook on {}: {} {}{}", channel, status, error, what);
        }
    }

    /**
     * @param text a name from a URL
     * @return it as printable ASCII ({@code ?} for anything else), at most 100 characters
     */
    public static String printable(String text) {
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_CHANNEL + 1));
        for (int i = 0; i < text.length() && i < MAX_CHANNEL; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > MAX_CHANNEL ? safe + "…" : safe.toString();
    }

    private record Window(Instant loggedAt, long suppressed) {
    }
}
