package io.hookbot.bot.schedule;

import io.hookbot.api.ScheduleFired;
import io.hookbot.bot.rules.BotDefinition;
import io.hookbot.bot.rules.RuleBook;
import io.hookbot.bot.rules.RuleSet;
import io.hookbot.bot.rules.Schedule;
import io.hookbot.inbox.ConversationRef;
import io.hookbot.inbox.Dispatcher;
import io.hookbot.metrics.RuleMeters;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fires schedule rules. Every {@code hookbot.schedules.poll-interval} (1 s by default) it brings the slot table in
 * step with the rules if they were reloaded, then claims the due slots ({@code FOR UPDATE SKIP LOCKED}: a slot
 * another instance is firing is skipped) and fires each: the firing's inbox event ({@link FiringLog}) and the slot's
 * next due time commit together or not at all, and the dispatcher, woken after the commit, turns the event as it
 * turns any other (the rule's actions, its guardrails, its outbox rows). The next due time is the schedule's first
 * time after the firing, so slots missed while no instance ran fire once, not once each.
 *
 * <p>A firing whose rule this instance does not have with the same schedule (its rules were reloaded a moment
 * before or after another instance's) is left for the instance that has it, or for the next sync.
 */
@Singleton
public class SchedulePoller implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulePoller.class);
    private static final int BATCH = 16;
    /** A round of firings that takes longer than this means the database is stuck: readiness says so. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private final TransactionOperations<Connection> transactions;
    private final RuleBook rules;
    private final SlotStore slots;
    private final SlotSync sync;
    private final FiringLog firings;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Supervisor supervisor;
    private final RuleMeters meters;
    private volatile Worker poller;
    private volatile RuleSet synced;

    public SchedulePoller(TransactionOperations<Connection> transactions, RuleBook rules, SlotStore slots,
                          SlotSync sync, FiringLog firings, Dispatcher dispatcher, Clock clock,
                          Supervisor supervisor, RuleMeters meters, ScheduleSettings settings) {
        this.transactions = transactions;
        this.rules = rules;
        this.slots = slots;
        this.sync = sync;
        this.firings = firings;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.enabled = settings.enabled();
        this.pollInterval = settings.pollInterval();
        this.supervisor = supervisor;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (enabled && poller == null) {
            poller = supervisor.every("schedules", Duration.ZERO, pollInterval, STUCK_AFTER, this::fireDue);
        }
    }

    /**
     * Syncs the slots if the rules changed, then fires every slot due now. Safe to call from any thread and from
     * several instances at once.
     *
     * @return how many slots fired
     */
    public int fireDue() {
        syncIfReloaded();
        int fired = 0;
        while (true) {
            List<ConversationRef> firedNow = new ArrayList<>();
            int claimed = transactions.executeWrite(status -> fireBatch(status.getConnection(), firedNow));
            fired += firedNow.size();
            // committed: the dispatcher turns the firings now rather than at its next poll
            firedNow.forEach(dispatcher::wake);
            // a full batch that all fired may have more behind it; skipped slots would come back first, so stop
            if (claimed < BATCH || firedNow.size() < claimed) {
                break;
            }
        }
        return fired;
    }

    /** Brings the slot table in step with the rules in force, if they changed since the last sync. */
    public void syncIfReloaded() {
        RuleSet current = rules.current();
        if (current == synced) {
            return;
        }
        transactions.executeWrite(status -> {
            sync.sync(status.getConnection(), current, clock.instant());
            return null;
        });
        synced = current;
    }

    /** @return the slots claimed; the conversations of those fired go into {@code fired} */
    private int fireBatch(Connection connection, List<ConversationRef> fired) throws SQLException {
        fired.clear();
        Instant now = clock.instant();
        RuleSet ruleSet = rules.current();
        List<SlotStore.Slot> due = slots.claimDue(connection, now, BATCH);
        for (SlotStore.Slot slot : due) {
            Optional<BotDefinition> bot = ruleSet.bots().stream().filter(b -> b.name().equals(slot.bot())).findFirst();
            Schedule schedule = bot.map(b -> b.schedules().get(slot.rule())).orElse(null);
            if (schedule == null || !schedule.spec().equals(slot.spec())) {
                continue;
            }
            ScheduleFired firing = new ScheduleFired(slot.bot(), slot.rule(), slot.spec(), slot.nextDue(), now);
            if (firings.record(connection, firing).isPresent()) {
                LOG.debug("Schedule {}/{} due {} fired", slot.bot(), slot.rule(), slot.nextDue());
                meters.scheduleFired(slot.bot());
            }
            slots.advance(connection, slot, now, schedule.next(now));
            fired.add(new ConversationRef(firing.channel(), firing.conversation()));
        }
        return due.size();
    }

    /** Stops polling; a firing in progress finishes. */
    @PreDestroy
    public void close() throws InterruptedException {
        Worker current = poller;
        if (current != null) {
            current.stop();
            current.join(Duration.ofSeconds(2));
        }
    }
}
