package io.hookbot.optout;

import io.hookbot.db.SqlDialect;
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
 * The {@code opt_out} table's SQL, on the caller's transaction (a turn's, a delivery claim's or an admin call's).
 * The check every outbound message passes is one primary-key look-up, (scope, address).
 */
@Singleton
public class OptOutStore {

    private static final String COLUMNS = "id, scope, address, channel, source, actor, event_id, opted_out_at";

    private final SqlDialect dialect;

    public OptOutStore(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param connection a transaction's connection
     * @param scope      the registry
     * @param address    the address
     * @return whether the address opted out in that registry
     * @throws SQLException on a database error
     */
    public boolean contains(Connection connection, String scope, String address) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM opt_out WHERE scope = ? AND address = ?")) {
            select.setString(1, scope);
            select.setString(2, address);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * @param connection a transaction's connection
     * @param scope      the registry
     * @param addresses  addresses to look up, at least one and at most a few hundred
     * @return those of them that opted out in that registry
     * @throws SQLException on a database error
     */
    public java.util.Set<String> containing(Connection connection, String scope, java.util.Collection<String> addresses)
            throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        if (dialect.looksUpKeysOneByOne(connection)) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM opt_out WHERE scope = ? AND address = ?")) {
                select.setString(1, scope);
                for (String address : addresses) {
                    select.setString(2, address);
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next()) {
                            found.add(address);
                        }
                    }
                }
            }
            return found;
        }
        // a list of placeholders, not = ANY (?): H2 reads the whole table for an array, and the index for a list
        try (PreparedStatement select = connection.prepareStatement("SELECT address FROM opt_out WHERE scope = ? "
                + "AND address IN (" + "?, ".repeat(addresses.size() - 1) + "?)")) {
            select.setString(1, scope);
            int index = 2;
            for (String address : addresses) {
                select.setString(index++, address);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    /**
     * Records an opt-out unless the address opted out already (the first record is kept).
     *
     * @return whether a row was added
     * @throws SQLException on a database error
     */
    public boolean add(Connection connection, String scope, String address, String channel, OptOut.Source source,
                       String actor, Long eventId, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO opt_out (scope, address, channel, "
                + "source, actor, event_id, opted_out_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, scope);
            insert.setString(2, address);
            insert.setString(3, channel);
            insert.setString(4, source.name());
            insert.setString(5, actor);
            if (eventId == null) {
                insert.setNull(6, java.sql.Types.BIGINT);
            } else {
                insert.setLong(6, eventId);
            }
            insert.setObject(7, at.atOffset(ZoneOffset.UTC));
            return insert.executeUpdate() > 0;
        }
    }

    /**
     * @return whether a row was removed (the address had opted out)
     * @throws SQLException on a database error
     */
    public boolean remove(Connection connection, String scope, String address) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM opt_out WHERE scope = ? AND address = ?")) {
            delete.setString(1, scope);
            delete.setString(2, address);
            return delete.executeUpdate() > 0;
        }
    }

    /**
     * The newest rows first.
     *
     * @param connection a transaction's connection
     * @param scope      only this registry, or {@code null} for all
     * @param query      only addresses containing this (as written), or {@code null}
     * @param before     only rows with a smaller id, or {@code null}
     * @param limit      the most rows
     * @return the rows
     * @throws SQLException on a database error
     */
    public List<OptOut> list(Connection connection, String scope, String query, Long before, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM opt_out WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (scope != null) {
            sql.append(" AND scope = ?");
            args.add(scope);
        }
        if (query != null) {
            // the pattern's own characters are escaped: a search for 50% finds 50%
            sql.append(" AND address LIKE ? ESCAPE '!'");
            args.add("%" + query.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (before != null) {
            sql.append(" AND id < ?");
            args.add(before);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            List<OptOut> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(read(rows));
                }
            }
            return out;
        }
    }

    /**
     * @return the row of an address, if it opted out
     * @throws SQLException on a database error
     */
    public java.util.Optional<OptOut> find(Connection connection, String scope, String address) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM opt_out WHERE scope = ? AND address = ?")) {
            select.setString(1, scope);
            select.setString(2, address);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? java.util.Optional.of(read(rows)) : java.util.Optional.empty();
            }
        }
    }

    private static OptOut read(ResultSet rows) throws SQLException {
        long eventId = rows.getLong(7);
        Long event = rows.wasNull() ? null : eventId;
        return new OptOut(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                OptOut.Source.valueOf(rows.getString(5)), rows.getString(6), event,
                rows.getObject(8, OffsetDateTime.class).toInstant());
    }
}
