package io.hookbot.presence;

import io.hookbot.api.PresenceChanged;
import io.hookbot.api.PresenceFilter;
import io.hookbot.api.UserPresence;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The presence tables' SQL, on the caller's transaction. Every write is conditional on the platform's timestamp
 * ({@code status_at <= ?}), so the newest change wins whatever order the callbacks are processed in, and a
 * redelivered callback changes nothing. Upserts are "update, else insert on conflict do nothing, else update again"
 * so the same statements run on H2 (PostgreSQL mode) and PostgreSQL.
 */
@Singleton
public class PresenceStore {

    /** The user id of the row that remembers a channel's last "everyone offline". */
    static final String EVERYONE = PresenceChanged.EVERYONE;
    private static final String IN_SCOPE = "('JOINED', 'WAITING')";

    private static final String UPDATE_STATUS = "UPDATE presence_user SET status = ?, "
            + "since = CASE WHEN status = ? THEN since ELSE ? END, status_at = ?, name = COALESCE(?, name), "
            + "last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END "
            + "WHERE channel = ? AND user_id = ? AND (status_at IS NULL OR status_at <= ?)";
    private static final String INSERT_USER = "INSERT INTO presence_user "
            + "(channel, user_id, name, status, status_at, since, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String SELECT_SEEN = "SELECT name, last_seen FROM presence_user "
            + "WHERE channel = ? AND user_id = ?";
    private static final String UPDATE_SEEN = "UPDATE presence_user SET name = COALESCE(?, name), "
            + "last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END WHERE channel = ? AND user_id = ?";
    private static final String UPDATE_SCOPE = "UPDATE presence_scope SET status = ?, status_at = ? "
            + "WHERE channel = ? AND user_id = ? AND scope = ? AND status_at <= ?";
    private static final String INSERT_SCOPE = "INSERT INTO presence_scope "
            + "(channel, user_id, scope, status, status_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final SqlDialect dialect;

    public PresenceStore(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Sets a user's status if {@code at} is not older than the status it has.
     *
     * @return whether the status was set (false: a newer one was already there; the user still counts as seen)
     */
    boolean setStatus(Connection c, String channel, String user, String name, PresenceChanged.Status status,
                      Instant at) throws SQLException {
        if (updateStatus(c, channel, user, name, status, at) || insertUser(c, channel, user, name, status, at)
                || updateStatus(c, channel, user, name, status, at)) {
            return true;
        }
        seen(c, channel, user, name, at);
        return false;
    }

    /**
     * Moves a user's last-seen time forward, creating the user (without a status) if new. Where a write that
     * changes nothing costs more than a read ({@link SqlDialect#readsBeforeIdleWrites}: on H2, which runs in this
     * process, every written row costs its page a copy at the commit), the row is read first and nothing is written
     * when it already says as much; elsewhere one {@code UPDATE} is cheaper than a read and then a write. What
     * either way measured: docs/benchmarks.md, "Read before write".
     */
    void seen(Connection c, String channel, String user, String name, Instant at) throws SQLException {
        if (dialect.readsBeforeIdleWrites(c) && upToDate(c, channel, user, name, at)) {
            return;
        }
        if (updateSeen(c, channel, user, name, at) || insertUser(c, channel, user, name, null, at)) {
            return;
        }
        updateSeen(c, channel, user, name, at);
    }

    private static boolean upToDate(Connection c, String channel, String user, String name, Instant at)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT_SEEN)) {
            select.setString(1, channel);
            select.setString(2, user);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                OffsetDateTime lastSeen = row.getObject(2, OffsetDateTime.class);
                boolean sameName = name == null || name.equals(row.getString(1));
                return sameName && lastSeen != null && !at.isAfter(lastSeen.toInstant());
            }
        }
    }

    /** Sets a user's status in one scope if {@code at} is not older than the one it has there. */
    void setScope(Connection c, String channel, String user, String scope, PresenceChanged.Status status,
                  Instant at) throws SQLException {
        if (updateScope(c, channel, user, scope, status, at)) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_SCOPE)) {
            insert.setString(1, channel);
            insert.setString(2, user);
            insert.setString(3, scope);
            insert.setString(4, status.name());
            insert.setObject(5, utc(at));
            if (insert.executeUpdate() > 0) {
                return;
            }
        }
        updateScope(c, channel, user, scope, status, at);
    }

    /** Sets every user of the channel offline whose status is older than {@code at}, and remembers {@code at}. */
    void everyoneOffline(Connection c, String channel, Instant at) throws SQLException {
        setStatus(c, channel, EVERYONE, null, PresenceChanged.Status.OFFLINE, at);
        try (PreparedStatement update = c.prepareStatement("UPDATE presence_user SET status = 'OFFLINE', "
                + "since = CASE WHEN status = 'OFFLINE' THEN since ELSE ? END, status_at = ? "
                + "WHERE channel = ? AND user_id <> ? AND (status_at IS NULL OR status_at < ?)")) {
            update.setObject(1, utc(at));
            update.setObject(2, utc(at));
            update.setString(3, channel);
            update.setString(4, EVERYONE);
            update.setObject(5, utc(at));
            update.executeUpdate();
        }
    }

    /** @return the time of the channel's last "everyone offline", or {@code null} */
    Instant everyoneOfflineAt(Connection c, String channel) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT status_at FROM presence_user WHERE channel = ? AND user_id = ?")) {
            select.setString(1, channel);
            select.setString(2, EVERYONE);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? instant(row, 1) : null;
            }
        }
    }

    /** @return the users matching the filter (and the one user, if not {@code null}), with their scopes */
    List<UserPresence> list(Connection c, PresenceFilter filter, String user) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT u.channel, u.user_id, u.name, u.status, u.since, u.last_seen "
                + "FROM presence_user u WHERE u.user_id <> ?");
        List<String> args = new ArrayList<>(List.of(EVERYONE));
        if (filter.channel() != null) {
            sql.append(" AND u.channel = ?");
            args.add(filter.channel());
        }
        if (user != null) {
            sql.append(" AND u.user_id = ?");
            args.add(user);
        }
        if (filter.status() != null) {
            sql.append(" AND u.status = ?");
            args.add(filter.status().name());
        }
        if (filter.scope() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM presence_scope s WHERE s.channel = u.channel "
                    + "AND s.user_id = u.user_id AND s.scope = ? AND s.status IN " + IN_SCOPE + ")");
            args.add(filter.scope());
        }
        sql.append(" ORDER BY u.channel, u.user_id FETCH FIRST 1000 ROWS ONLY");
        Map<List<String>, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setString(i + 1, args.get(i));
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String status = r.getString(4);
                    rows.put(List.of(r.getString(1), r.getString(2)), new Row(r.getString(1), r.getString(2),
                            r.getString(3), status == null ? null : PresenceChanged.Status.valueOf(status),
                            instant(r, 5), instant(r, 6), new HashMap<>()));
                }
            }
        }
        if (!rows.isEmpty()) {
            addScopes(c, filter.channel(), rows);
        }
        return rows.values().stream().map(Row::toPresence).toList();
    }

    private void addScopes(Connection c, String channel, Map<List<String>, Row> rows) throws SQLException {
        String sql = "SELECT channel, user_id, scope, status FROM presence_scope WHERE status IN " + IN_SCOPE
                + (channel == null ? "" : " AND channel = ?")
                + (rows.size() == 1 ? " AND user_id = ?" : "");
        try (PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            if (channel != null) {
                select.setString(i++, channel);
            }
            if (rows.size() == 1) {
                select.setString(i, rows.values().iterator().next().user());
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Row row = rows.get(List.of(r.getString(1), r.getString(2)));
                    if (row != null) {
                        row.scopes().put(r.getString(3), PresenceChanged.Status.valueOf(r.getString(4)));
                    }
                }
            }
        }
    }

    private boolean updateStatus(Connection c, String channel, String user, String name,
                                 PresenceChanged.Status status, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE_STATUS)) {
            update.setString(1, status.name());
            update.setString(2, status.name());
            update.setObject(3, utc(at));
            update.setObject(4, utc(at));
            update.setString(5, name);
            update.setObject(6, utc(at));
            update.setObject(7, utc(at));
            update.setString(8, channel);
            update.setString(9, user);
            update.setObject(10, utc(at));
            return update.executeUpdate() > 0;
        }
    }

    private boolean insertUser(Connection c, String channel, String user, String name,
                               PresenceChanged.Status status, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_USER)) {
            insert.setString(1, channel);
            insert.setString(2, user);
            insert.setString(3, name);
            insert.setString(4, status == null ? null : status.name());
            insert.setObject(5, status == null ? null : utc(at));
            insert.setObject(6, status == null ? null : utc(at));
            insert.setObject(7, utc(at));
            return insert.executeUpdate() > 0;
        }
    }

    private boolean updateSeen(Connection c, String channel, String user, String name, Instant at)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE_SEEN)) {
            update.setString(1, name);
            update.setObject(2, utc(at));
            update.setObject(3, utc(at));
            update.setString(4, channel);
            update.setString(5, user);
            return update.executeUpdate() > 0;
        }
    }

    private boolean updateScope(Connection c, String channel, String user, String scope,
                                PresenceChanged.Status status, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE_SCOPE)) {
            update.setString(1, status.name());
            update.setObject(2, utc(at));
            update.setString(3, channel);
            update.setString(4, user);
            update.setString(5, scope);
            update.setObject(6, utc(at));
            return update.executeUpdate() > 0;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Row(String channel, String user, String name, PresenceChanged.Status status, Instant since,
                       Instant lastSeen, Map<String, PresenceChanged.Status> scopes) {
        UserPresence toPresence() {
            return new UserPresence(channel, user, name, status, since, lastSeen, scopes);
        }
    }
}
