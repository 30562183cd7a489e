package io.hookbot.bot.schedule;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code schedule_slot} table's SQL, on the caller's transaction; same statements on H2 and PostgreSQL. Written
 * by hand, not as a Micronaut Data repository, because the poller's claim is {@code FOR UPDATE SKIP LOCKED} with a
 * row limit, which a derived query cannot say, and the slots are moved in the same transaction as the firing.
 */
@Singleton
public class SlotStore {

    /**
     * A schedule rule's slot.
     *
     * @param bot     the bot
     * @param rule    the rule
     * @param spec    the schedule as it was when the due time was computed
     * @param nextDue when it is next due
     */
    public record Slot(String bot, String rule, String spec, Instant nextDue) {
    }

    /**
     * @param connection a connection
     * @return every slot
     * @throws SQLException on a database error
     */
    public List<Slot> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT bot, rule_name, spec, next_due FROM schedule_slot ORDER BY bot, rule_name")) {
            return slots(select);
        }
    }

    /**
     * Claims due slots: locks them until the transaction ends, skipping those another transaction holds.
     *
     * @param connection the transaction's connection
     * @param now        the time
     * @param limit      the most to claim
     * @return the slots due at {@code now}, soonest first
     * @throws SQLException on a database error
     */
    public List<Slot> claimDue(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT bot, rule_name, spec, next_due "
                + "FROM schedule_slot WHERE next_due <= ? ORDER BY next_due "
                + "FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            select.setObject(1, utc(now));
            return slots(select);
        }
    }

    /**
     * Adds a slot unless one exists for the rule.
     *
     * @param connection the transaction's connection
     * @param slot       the slot
     * @throws SQLException on a database error
     */
    public void add(Connection connection, Slot slot) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schedule_slot "
                + "(bot, rule_name, spec, next_due, firings) VALUES (?, ?, ?, ?, 0) ON CONFLICT DO NOTHING")) {
            insert.setString(1, slot.bot());
            insert.setString(2, slot.rule());
            insert.setString(3, slot.spec());
            insert.setObject(4, utc(slot.nextDue()));
            insert.executeUpdate();
        }
    }

    /**
     * Gives a slot a new schedule and due time, if it still has the schedule the caller saw.
     *
     * @param connection the transaction's connection
     * @param slot       the slot with its new spec and due time
     * @param oldSpec    the spec the caller read
     * @throws SQLException on a database error
     */
    public void reschedule(Connection connection, Slot slot, String oldSpec) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE schedule_slot SET spec = ?, next_due = ? "
                + "WHERE bot = ? AND rule_name = ? AND spec = ?")) {
            update.setString(1, slot.spec());
            update.setObject(2, utc(slot.nextDue()));
            update.setString(3, slot.bot());
            update.setString(4, slot.rule());
            update.setString(5, oldSpec);
            update.executeUpdate();
        }
    }

    /**
     * @param connection the transaction's connection
     * @param bot        the bot
     * @param rule       the rule
     * @throws SQLException on a database error
     */
    public void remove(Connection connection, String bot, String rule) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM schedule_slot WHERE bot = ? AND rule_name = ?")) {
            delete.setString(1, bot);
            delete.setString(2, rule);
            delete.executeUpdate();
        }
    }

    /**
     * Records a firing and moves the slot to its next due time.
     *
     * @param connection the transaction's connection (which holds the slot's lock)
     * @param slot       the slot
     * @param firedAt    when it fired
     * @param nextDue    when it is due next
     * @throws SQLException on a database error
     */
    public void advance(Connection connection, Slot slot, Instant firedAt, Instant nextDue) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE schedule_slot "
                + "SET next_due = ?, last_fired_at = ?, firings = firings + 1 WHERE bot = ? AND rule_name = ?")) {
            update.setObject(1, utc(nextDue));
            update.setObject(2, utc(firedAt));
            update.setString(3, slot.bot());
            update.setString(4, slot.rule());
            update.executeUpdate();
        }
    }

    private static List<Slot> slots(PreparedStatement select) throws SQLException {
        List<Slot> result = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new Slot(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
        return result;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
