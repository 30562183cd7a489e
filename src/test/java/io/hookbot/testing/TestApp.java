package io.hookbot.testing;

import io.hookbot.inbox.InboxWriter;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real hookbot for a test: the whole application on a random port, with its own database (H2 or PostgreSQL),
 * its own rule folder and the channels the test configures ({@link TestChannel}). {@link #restart()} stops it and
 * starts it again on the same database, as after a crash or a deploy.
 */
public final class TestApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Database database;
    private final Map<String, Object> properties = new HashMap<>();
    private final Map<String, TestChannel> channels = new LinkedHashMap<>();
    private final Path botsDir;
    private EmbeddedServer server;

    private TestApp(Database database) {
        this.database = database;
        try {
            this.botsDir = Files.createTempDirectory("hookbot-bots");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.putAll(database.properties());
        properties.put("hookbot.bots-dir", botsDir.toString());
        properties.put("micronaut.server.port", -1);
        properties.put("hookbot.dispatcher.poll-interval", "200ms");
        properties.put("hookbot.delivery.poll-interval", "200ms");
        properties.put("hookbot.delivery.backoff", "50ms");
        // health reads the database on every probe, so that a test sees a change at once
        properties.put("hookbot.health.refresh", "0s");
    }

    /**
     * @param database the database to run on
     * @return a builder-style app, not started yet
     */
    public static TestApp on(Database database) {
        return new TestApp(database);
    }

    /**
     * A configuration property. A channel's settings are a {@link TestChannel}'s ({@link #with(TestChannel...)});
     * a key of one spelt out here is for a test whose point is its spelling.
     *
     * @param key   a configuration key
     * @param value its value
     * @return this
     */
    public TestApp with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /**
     * Configures channels. The app reads their settings each time it starts, so a channel changed after this call
     * ({@link #channel(String)}) starts changed; a key also given to {@link #with(String, Object)} takes that value.
     *
     * @param channels channels, each of a name not configured yet
     * @return this
     * @throws IllegalArgumentException if a name is configured already ({@link #channel(String)} changes it)
     */
    public TestApp with(TestChannel... channels) {
        for (TestChannel channel : channels) {
            if (this.channels.putIfAbsent(channel.name(), channel) != null) {
                throw new IllegalArgumentException("channel " + channel.name()
                        + " is configured already; channel(\"" + channel.name() + "\") changes it");
            }
        }
        return this;
    }

    /**
     * @param name a channel given to {@link #with(TestChannel...)}
     * @return that channel, to change its settings before the app (re)starts
     * @throws IllegalArgumentException if there is none of that name
     */
    public TestChannel channel(String name) {
        TestChannel channel = channels.get(name);
        if (channel == null) {
            throw new IllegalArgumentException("no channel " + name + "; the channels are " + channels.keySet());
        }
        return channel;
    }

    /**
     * @param fileName a file name in the rule folder
     * @param yaml     its content
     * @return this
     */
    public TestApp rules(String fileName, String yaml) {
        try {
            Files.writeString(botsDir.resolve(fileName), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** @return the rule folder */
    public Path botsDir() {
        return botsDir;
    }

    /** @return this, started */
    public TestApp start() {
        Map<String, Object> settings = new HashMap<>();
        channels.values().forEach(channel -> settings.putAll(channel.properties()));
        settings.putAll(properties);
        ApplicationContext context = ApplicationContext.builder().properties(settings).environments("test").build();
        try {
            context.start();
            server = context.getBean(EmbeddedServer.class);
            server.start();
        } catch (RuntimeException | Error failure) {
            // a start that fails leaves no threads behind to log into the tests that come after
            server = null;
            try {
                context.close();
            } catch (RuntimeException ignored) {
                // the start's failure is the one to report
            }
            throw failure;
        }
        return this;
    }

    /** Stops the application and starts it again on the same database and settings. */
    public void restart() {
        stop();
        start();
    }

    /** Stops the application (the database stays). */
    public void stop() {
        if (server != null) {
            server.getApplicationContext().close();
            server = null;
        }
    }

    /** @return the running application's context */
    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** @return the base URL of the running application */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /**
     * @param channel     the channel
     * @param contentType the content type
     * @param body        the body
     * @return the response
     */
    public HttpResponse<String> post(String channel, String contentType, String body) {
        return postTo("/webhooks/" + channel, contentType, body);
    }

    /**
     * @param path        a path on the application, with its query
     * @param contentType the content type
     * @param body        the body
     * @return the response
     */
    public HttpResponse<String> postTo(String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param path a path on the application
     * @return the response to a GET
     */
    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return a new connection of the test's own to the app's database, outside the app's transactions
     * @throws SQLException if it cannot connect
     */
    public Connection connect() throws SQLException {
        return database.connect();
    }

    /**
     * @param sql a query
     * @return its rows, as column name to value, once every acknowledged event is in the inbox table (on the
     *         embedded H2 the acknowledgement goes out when the events are journaled, a moment before that)
     */
    public List<Map<String, Object>> query(String sql) {
        if (server != null && server.isRunning()) {
            InboxWriter writer = server.getApplicationContext().getBean(InboxWriter.class);
            Eventually.await("acknowledged events written to the inbox table", () -> writer.queued().isEmpty());
        }
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i).toLowerCase(), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param sql a query returning one number
     * @return the number
     */
    public long count(String sql) {
        Object value = query(sql).get(0).values().iterator().next();
        return ((Number) value).longValue();
    }

    @Override
    public void close() {
        stop();
        database.drop();
    }
}
