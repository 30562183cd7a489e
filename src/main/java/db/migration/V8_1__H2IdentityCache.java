package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * On H2 only: a larger cache for the identity columns of the tables written on every webhook. H2 persists an identity
 * column's sequence every {@code CACHE} values (32 by default) by writing the whole store from inside the INSERT that
 * crosses the mark, so a 200-message webhook paid for six store writes while it was acknowledged. With a large cache
 * the ids still increase (H2 hands them out database-wide, in order), only with a gap after a crash.
 *
 * <p>Nothing is done on PostgreSQL: there a sequence cache is per session, so ids taken on two connections could go
 * out of order, and the inbox relies on id order within a conversation. The migration runs on both databases, so
 * the schema history stays the same.
 */
public class V8_1__H2IdentityCache extends BaseJavaMigration {

    private static final List<String> TABLES = List.of("inbox_event", "conversation", "outbox_message",
            "outbox_attempt");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("ALTER TABLE " + table + " ALTER COLUMN id SET CACHE 10000");
            }
        }
    }
}
