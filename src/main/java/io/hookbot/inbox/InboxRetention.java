package io.hookbot.inbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the inbox from growing without end: every {@code hookbot.inbox.purge-interval} (10 minutes) it deletes the
 * events that were turned ({@code DONE}) and received longer ago than {@code hookbot.inbox.retention} (7 days by
 * default; {@code off} keeps everything). Pending, held and failed events are never deleted.
 *
 * <p>A stored event is also what recognises a platform's redelivery as a duplicate, so the retention must outlast
 * every platform's retries: VCaaS retries a data push for up to an hour, the others for less. A redelivery that
 * arrives after its event was deleted is stored and turned again. The retention is therefore at least
 * {@value #MINIMUM_HOURS} hours; a shorter one stops the startup.
 *
 * <p>Deletes go in transactions of at most {@value #STEP} events, so a purge never holds long locks or a long
 * transaction next to the acknowledgements. Several instances sharing a database may all purge; deleting a row
 * another instance already deleted does nothing.
 */
@Singleton
public class InboxRetention implements ApplicationEventListener<ServerStartupEvent> {

    static final int MINIMUM_HOURS = 2;
    static final int STEP = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);

    private final TransactionOperations<Connection> transactions;
    private final InboxStore inbox;
    private final Duration retention;
    /** The setting as written ({@code 7d}), for the log. */
    private final String setting;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    /**
     * The last id a purge looked at: events up to it were deleted or kept (failed ones for good; one still pending
     * or held then is looked at again only after a restart).
     */
    private long scannedThrough;

    public InboxRetention(TransactionOperations<Connection> transactions, InboxStore inbox,
                          ConversionService conversions,
                          @Value("${hookbot.inbox.retention:7d}") String retention,
                          @Value("${hookbot.inbox.purge-interval:10m}") Duration interval) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.retention = parse(conversions, retention).orElse(null);
        this.setting = retention.trim();
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("hookbot.inbox.purge-interval must be positive, not " + interval);
        }
        this.interval = interval;
        this.clock = Clock.systemUTC();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inbox-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param conversions Micronaut's conversions (they read {@code 7d}, {@code 48h}, {@code PT2H})
     * @param value       the setting
     * @return the retention, or empty for {@code off}
     * @throws IllegalArgumentException if it is neither a duration nor {@code off}, or under the minimum
     */
    static Optional<Duration> parse(ConversionService conversions, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("off")) {
            return Optional.empty();
        }
        Duration duration = conversions.convert(trimmed, Duration.class).orElseThrow(() ->
                new IllegalArgumentException("hookbot.inbox.retention must be a duration such as 7d or 48h, or off; "
                        + "not '" + value + "'"));
        if (duration.compareTo(Duration.ofHours(MINIMUM_HOURS)) < 0) {
            throw new IllegalArgumentException("hookbot.inbox.retention must be at least " + MINIMUM_HOURS
                    + "h (or off): a platform's redelivery is recognised only while its event is kept, and VCaaS "
                    + "retries for up to an hour; not " + trimmed);
        }
        return Optional.of(duration);
    }

    /** @return the retention, or empty if everything is kept */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (retention == null) {
            LOG.info("Inbox retention is off: turned events are kept for good");
            return;
        }
        LOG.info("Inbox retention {}: turned events older than that are deleted every {}", setting,
                interval.toSeconds() % 60 == 0 ? interval.toMinutes() + " min" : interval.toSeconds() + " s");
        long first = Math.min(interval.toMillis(), Duration.ofMinutes(1).toMillis());
        timer.scheduleWithFixedDelay(this::purgeLogged, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purgeLogged() {
        try {
            purge(clock.instant(), STEP);
        } catch (RuntimeException e) {
            LOG.error("Could not delete old inbox events; trying again in {}", interval, e);
        }
    }

    /**
     * Deletes the turned events received before {@code now} minus the retention, one transaction per step.
     *
     * @param now  the current time
     * @param step the most events read per transaction
     * @return how many were deleted
     */
    synchronized long purge(Instant now, int step) {
        if (retention == null) {
            return 0;
        }
        Instant cutoff = now.minus(retention);
        long deleted = 0;
        InboxStore.PurgeStep done;
        do {
            long after = scannedThrough;
            done = transactions.executeWrite(s -> inbox.purgeDone(s.getConnection(), after, cutoff, step));
            scannedThrough = done.through();
            deleted += done.deleted();
        } while (done.more());
        if (deleted > 0) {
            LOG.info("Deleted {} turned inbox events received before {} (hookbot.inbox.retention {})", deleted,
                    cutoff, setting);
        }
        return deleted;
    }

    /** Stops the timer; a purge under way ends with its current step. */
    @PreDestroy
    public void close() {
        timer.shutdownNow();
    }
}
