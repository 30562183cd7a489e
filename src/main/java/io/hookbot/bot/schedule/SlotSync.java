package io.hookbot.bot.schedule;

import io.hookbot.bot.rules.BotDefinition;
import io.hookbot.bot.rules.RuleSet;
import io.hookbot.bot.rules.Schedule;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the slot table in step with the rules in force: a new schedule rule gets a slot due at its first time after
 * now, a rule whose schedule changed is due again by the new one, and the slot of a rule that is gone is removed.
 * A rule that keeps its schedule keeps its slot, due time included, across reloads and restarts. Every instance
 * runs it after each reload; the statements are idempotent, so instances with the same rule files agree.
 */
@Singleton
public class SlotSync {

    private static final Logger LOG = LoggerFactory.getLogger(SlotSync.class);

    private final SlotStore slots;

    public SlotSync(SlotStore slots) {
        this.slots = slots;
    }

    /**
     * @param connection the transaction's connection
     * @param rules      the rules in force
     * @param now        the time
     * @throws SQLException on a database error
     */
    public void sync(Connection connection, RuleSet rules, Instant now) throws SQLException {
        Map<String, SlotStore.Slot> existing = new HashMap<>();
        for (SlotStore.Slot slot : slots.all(connection)) {
            existing.put(slot.bot() + "/" + slot.rule(), slot);
        }
        for (BotDefinition bot : rules.bots()) {
            for (Map.Entry<String, Schedule> entry : bot.schedules().entrySet()) {
                Schedule schedule = entry.getValue();
                SlotStore.Slot wanted = new SlotStore.Slot(bot.name(), entry.getKey(), schedule.spec(), schedule.next(now));
                SlotStore.Slot slot = existing.remove(bot.name() + "/" + entry.getKey());
                if (slot == null) {
                    slots.add(connection, wanted);
                    LOG.info("Schedule {}/{} ({}) added; first due {}", bot.name(), entry.getKey(), schedule,
                            wanted.nextDue());
                } else if (!slot.spec().equals(wanted.spec())) {
                    slots.reschedule(connection, wanted, slot.spec());
                    LOG.info("Schedule {}/{} changed to {}; next due {}", bot.name(), entry.getKey(), schedule,
                            wanted.nextDue());
                }
            }
        }
        for (SlotStore.Slot gone : existing.values()) {
            slots.remove(connection, gone.bot(), gone.rule());
            LOG.info("Schedule {}/{} removed", gone.bot(), gone.rule());
        }
    }
}
