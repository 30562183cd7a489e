package io.hookbot.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A database for one test application: a fresh H2 file in a temporary folder, or a fresh schema in the PostgreSQL
 * at {@code 127.0.0.1:5432/test} (override with {@code HOOKBOT_TEST_PG_URL}). Reopening the same instance reaches
 * the same data, which is what restart tests need.
 */
public abstract class Database {

    /** @return the datasource settings for the application */
    public abstract Map<String, Object> properties();

    /** @return a new JDBC connection to the same data, for assertions */
    public abstract Connection connect() throws SQLException;

    /** Drops what this database created. */
    public abstract void drop();

    /** @return a fresh H2 database in a file under the system temp folder */
    public static Database h2() {
        return new H2();
    }

    /** @return a fresh schema in the test PostgreSQL */
    public static Database postgres() {
        return new Postgres(null, "");
    }

    /**
     * @param user     the user the database is created for
     * @param password its password
     * @return a fresh H2 database whose JDBC URL carries the user name and password ({@code ;USER=…;PASSWORD=…}),
     *         as a deployment may write it
     */
    public static Database h2WithCredentialsInUrl(String user, String password) {
        return new H2(user, password, true);
    }

    /**
     * @param role     a role to create for the schema, which it owns (dropped with it); lower case
     * @param password its password (the test PostgreSQL trusts local connections, so it is carried, not checked)
     * @return a fresh schema in the test PostgreSQL whose JDBC URL carries the user name and password
     *         ({@code ?user=…&password=…}), as a deployment may write it
     */
    public static Database postgresWithCredentialsInUrl(String role, String password) {
        return new Postgres(role, password);
    }

    /** @return the JDBC URL of the test PostgreSQL */
    public static String postgresUrl() {
        String url = System.getenv("HOOKBOT_TEST_PG_URL");
        return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test";
    }

    private static final class H2 extends Database {
        private final String url = "jdbc:h2:file:" + System.getProperty("java.io.tmpdir") + "/hookbot-test-"
                + UUID.randomUUID() + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=100;QUERY_CACHE_SIZE=64;CACHE_SIZE=2048;DB_CLOSE_ON_EXIT=FALSE";
        private final String user;
        private final String password;
        private final boolean credentialsInUrl;

        H2() {
            this("sa", "", false);
        }

        H2(String user, String password, boolean credentialsInUrl) {
            this.user = user;
            this.password = password;
            this.credentialsInUrl = credentialsInUrl;
        }

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> p = new HashMap<>();
            p.put("datasources.default.url", credentialsInUrl ? url + ";USER=" + user + ";PASSWORD=" + password : url);
            p.put("datasources.default.driver-class-name", "org.h2.Driver");
            // set alongside the URL's: H2 refuses a URL and properties that disagree, and without them Micronaut
            // would send its embedded default, sa
            p.put("datasources.default.username", user);
            p.put("datasources.default.password", password);
            p.put("datasources.default.dialect", "H2");
            return p;
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void drop() {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP ALL OBJECTS DELETE FILES");
            } catch (SQLException ignored) {
                // best effort: the folder is in the temp directory anyway
            }
        }
    }

    private static final class Postgres extends Database {
        private final String schema = "hookbot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        private final String role;
        private final String password;

        /** @param role the role to create and own the schema, or {@code null}: the test user, credentials apart */
        Postgres(String role, String password) {
            this.role = role;
            this.password = password;
            try (Connection c = DriverManager.getConnection(postgresUrl(), user(), "");
                 Statement s = c.createStatement()) {
                if (role != null) {
                    s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
                    s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
                } else {
                    s.execute("CREATE SCHEMA " + schema);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test schema in " + postgresUrl(), e);
            }
        }

        private static String user() {
            String user = System.getenv("HOOKBOT_TEST_PG_USER");
            return user != null ? user : "postgres";
        }

        private String url() {
            return postgresUrl() + (postgresUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> p = new HashMap<>();
            if (role != null) {
                p.put("datasources.default.url", url() + "&user=" + role + "&password=" + password);
            } else {
                p.put("datasources.default.url", url());
                p.put("datasources.default.username", user());
                p.put("datasources.default.password", "");
            }
            p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
            p.put("datasources.default.dialect", "POSTGRES");
            p.put("flyway.datasources.default.schemas", schema);
            return p;
        }

        @Override
        public Connection connect() throws SQLException {
            return role != null ? DriverManager.getConnection(url(), role, password)
                    : DriverManager.getConnection(url(), user(), "");
        }

        @Override
        public void drop() {
            try (Connection c = DriverManager.getConnection(postgresUrl(), user(), "");
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                if (role != null) {
                    s.execute("DROP ROLE IF EXISTS " + role);
                }
            } catch (SQLException ignored) {
                // best effort
            }
        }
    }
}
