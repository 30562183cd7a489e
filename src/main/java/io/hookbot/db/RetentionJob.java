package io.hookbot.db;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A table that would otherwise grow without end, cleared of rows older than a retention setting: every purge
 * interval (first after a minute) the subclass deletes what it may, in short transactions. A retention of
 * {@code off} keeps everything. Several instances sharing a database may all purge: deleting a row another
 * instance already deleted does nothing.
 */
public abstract class RetentionJob implements ApplicationEventListener<ServerStartupEvent> {

    /** Rows read per transaction. */
    public static final int STEP = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final String key;
    private final String setting;
    private final Duration retention;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private final Supervisor supervisor;
    private volatile Worker timer;
    private volatile boolean stopping;
    private final TransactionOperations<Connection> transactions;
    /**
     * The last id a purge looked at: rows up to it were deleted or kept (a row kept for its status is looked at
     * again only after a restart).
     */
    private long scannedThrough;

    /**
     * @param transactions the database's transactions
     * @param key          the retention's setting name, for messages
     * @param setting      its value: a duration ({@code 7d}, {@code 48h}, {@code PT2H}) or {@code off}
     * @param minimum      the shortest retention allowed
     * @param why          why it may not be shorter, for the refusal
     * @param interval     how often to purge
     * @param conversions  Micronaut's conversions, which read the durations
     * @throws IllegalArgumentException if the setting is neither a duration nor {@code off}, or under the minimum
     */
    protected RetentionJob(TransactionOperations<Connection> transactions, String key, String setting,
                           Duration minimum, String why, Duration interval, ConversionService conversions,
                           Supervisor supervisor) {
        this.transactions = transactions;
        this.supervisor = supervisor;
        this.key = key;
        this.setting = setting == null ? "" : setting.trim();
        this.retention = parse(conversions, key, setting, minimum, why).orElse(null);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(key.replace("retention", "purge-interval") + " must be positive, not "
                    + interval);
        }
        this.interval = interval;
    }

    /**
     * @param conversions Micronaut's conversions
     * @param key         the setting's name, for messages
     * @param value       the setting
     * @param minimum     the shortest retention allowed
     * @param why         why, for the refusal
     * @return the retention, or empty for {@code off}
     * @throws IllegalArgumentException if it is neither a duration nor {@code off}, or under the minimum
     */
    public static Optional<Duration> parse(ConversionService conversions, String key, String value, Duration minimum,
                                           String why) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("off")) {
            return Optional.empty();
        }
        Duration duration = conversions.convert(trimmed, Duration.class).orElseThrow(() ->
                new IllegalArgumentException(key + " must be a duration such as 7d or 48h, or off; not '" + value
                        + "'"));
        if (duration.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(key + " must be at least " + describe(minimum) + " (or off)"
                    + (why.isEmpty() ? "" : ": " + why) + "; not " + trimmed);
        }
        return Optional.of(duration);
    }

    /** @return the retention, or empty if everything is kept */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    /** @return what the rows are, for the log ("turned inbox events") */
    protected abstract String rows();

    /**
     * One step: reads up to {@code limit} rows after {@code afterId}, deletes those that may go (see
     * {@link PurgeStep#run}).
     *
     * @param connection the step's transaction
     * @param afterId    where the previous step stopped
     * @param cutoff     rows older than this may go
     * @param limit      the most rows to read
     * @return what the step did
     * @throws SQLException on a database error
     */
    protected abstract PurgeStep step(Connection connection, long afterId, Instant cutoff, int limit)
            throws SQLException;

    /**
     * Purges now.
     *
     * @param now  the current time
     * @param step the most rows read per transaction
     * @return how many rows were deleted (0 with the retention off)
     */
    public synchronized long purge(Instant now, int step) {
        if (retention == null) {
            return 0;
        }
        Instant cutoff = now.minus(retention);
        long deleted = 0;
        PurgeStep done;
        do {
            long after = scannedThrough;
            done = transactions.executeWrite(s -> step(s.getConnection(), after, cutoff, step));
            scannedThrough = done.through();
            deleted += done.deleted();
        } while (done.more() && !stopping);
        if (deleted > 0) {
            LOG.info("Deleted {} {} from before {} ({} {})", deleted, rows(), cutoff, key, setting);
        }
        return deleted;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (retention == null) {
            LOG.info("{} is off: {} are kept for good", key, rows());
            return;
        }
        LOG.info("{} {}: {} older than that are deleted every {}", key, setting, rows(), describe(interval));
        Duration first = interval.compareTo(Duration.ofMinutes(1)) < 0 ? interval : Duration.ofMinutes(1);
        if (timer == null) {
            // a purge can take long on a big table: never "stuck"
            timer = supervisor.every(getClass().getSimpleName(), first, interval, null,
                    () -> purge(clock.instant(), STEP));
        }
    }

    private static String describe(Duration duration) {
        if (duration.toMillis() % 1000 != 0 || duration.toSeconds() == 0) {
            return duration.toMillis() + " ms";
        }
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + " h";
        }
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    /** Stops the timer; a purge under way ends with its current step. */
    @PreDestroy
    public void close() throws InterruptedException {
        stopping = true;
        Worker current = timer;
        if (current != null) {
            current.stop();
            current.join(Duration.ofSeconds(2));
        }
    }
}
