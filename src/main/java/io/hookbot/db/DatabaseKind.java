package io.hookbot.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which database hookbot runs on, for {@link SqlDialect}, which alone asks. Read from the first connection that asks,
 * once.
 *
 * <p>Whether an H2 file may be shared is read from the configured URL ({@code datasources.default.url}): H2 leaves
 * its settings, {@code AUTO_SERVER} among them, out of the URL its connections report.
 */
final class DatabaseKind {

    private final String configuredUrl;
    private volatile Detected detected;

    /**
     * @param configuredUrl the JDBC URL the datasource was configured with (empty: use the one connections report)
     */
    DatabaseKind(String configuredUrl) {
        this.configuredUrl = configuredUrl == null ? "" : configuredUrl;
    }

    /**
     * @param connection any connection to the database
     * @return whether it is H2 (embedded or not)
     * @throws SQLException if the driver cannot say
     */
    boolean isH2(Connection connection) throws SQLException {
        return detect(connection).h2();
    }

    /**
     * @param connection any connection to the database
     * @return whether other processes may use the same database (PostgreSQL, an H2 server or {@code AUTO_SERVER}),
     *         so that rows must be locked against them; false for an embedded H2 file, which one process owns
     * @throws SQLException if the driver cannot say
     */
    boolean isShared(Connection connection) throws SQLException {
        return detect(connection).shared();
    }

    private Detected detect(Connection connection) throws SQLException {
        Detected known = detected;
        if (known == null) {
            String product = connection.getMetaData().getDatabaseProductName();
            String url = configuredUrl.isEmpty() ? connection.getMetaData().getURL() : configuredUrl;
            boolean embeddedFile = url.startsWith("jdbc:h2:file:")
                    && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
            known = new Detected("H2".equalsIgnoreCase(product), !embeddedFile);
            detected = known;
        }
        return known;
    }

    private record Detected(boolean h2, boolean shared) {
    }
}
