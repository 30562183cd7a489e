package io.hookbot.channel;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.channel.CorpusCases.Case;
import io.hookbot.channel.CorpusCases.FollowUp;
import io.hookbot.channel.CorpusValues.Expect;
import io.hookbot.inbox.InboxWriter;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus against a real hookbot over HTTP (see {@link CorpusCases}): NUL, control characters, lone
 * surrogates, bytes that are not UTF-8, over-long values and wrong JSON types in every field of every platform's
 * shapes, Content-Types the platforms never send, and an event too large to store. Each case asserts the documented
 * answer (status, error code, field), that nothing was stored (or, for values a field takes, exactly the event),
 * that the next valid webhook on that channel is acknowledged and its event answered at the fake gateway, and that
 * the case logged at most the one refusal line. Then no INFO-or-above line may hold a phone, a text or a secret of
 * the corpus, though every Yalgaar message's text is also sent on a channel without a gateway (the dry-run sender).
 * One application for the whole corpus; runs on H2 and on PostgreSQL (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BadInputCorpusTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES = """
            bot: corpus
            guardrails: { replies-per-minute: off }
            rules:
              - name: answer-sms
                when: { channel: sms-main }
                then:
                  - reply: "answer [{{conversation}}]"
              - name: relay-yalgaar
                when: { channel: yal }
                then:
                  - send: { channel: sms-main, to: "+15550100", text: "answer [{{conversation}}]" }
                  - send: { channel: sms-dry, to: "+15550101", text: "{{text}}" }
              - name: relay-messages
                when: { channel: [room, chat] }
                then:
                  - send: { channel: sms-main, to: "+15550100", text: "answer [{{conversation}}]" }
              - name: relay-meetings
                on: meeting
                then:
                  - send: { channel: sms-main, to: "+15550100", text: "answer [{{conversation}}]" }
            """;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private FakeGateway gateway;
    private TestApp app;
    private Connection connection;
    /** The rows the inbox holds, as the cases so far stored them: counted once per case, after its call. */
    private long stored;

    abstract Database database();

    /**
     * @param app      the corpus's application, configured
     * @param database its database
     * @return the application with what this database needs on top
     */
    TestApp tuned(TestApp app, Database database) {
        return app;
    }

    @BeforeAll
    void start() throws SQLException {
        log.start();
        root.addAppender(log);
        gateway = new FakeGateway();
        Database database = database();
        app = TestApp.on(database).rules("corpus.yml", RULES)
                .with(TestChannel.smsGateway("sms-main").secret(CorpusShapes.SECRET).sendUrl(gateway.url())
                        .sendApiKey("api-key-corpus").sendDevice("dev-out").sendWhatsappAccount("+15550199"))
                .with(TestChannel.smsGateway("sms-quiet").secret(CorpusShapes.SECRET))
                .with(TestChannel.smsGateway("sms-dry").secret(CorpusShapes.SECRET))
                .with(TestChannel.webinato("room").token(CorpusShapes.TOKEN))
                .with(TestChannel.mqttChat("chat").token(CorpusShapes.TOKEN))
                .with(TestChannel.yalgaar("yal").clientKey(CorpusShapes.CLIENT_KEY))
                .with(TestChannel.vcaas("classes").token(CorpusShapes.TOKEN));
        app = tuned(app, database).start();
        connection = app.connect();
    }

    @AfterAll
    void stop() throws SQLException {
        connection.close();
        app.close();
        gateway.close();
        root.detachAppender(log);
    }

    @Test
    @Order(1)
    void aRefusedWebhookIsOneWarnLineAndAFloodWithinAMinuteStillOne() {
        int mark = logged();
        byte[] bad = "secret=corpus-secret-5b1e&type=sms&data[id]=1&data[device]=d%00&data[phone]=%2B15551"
                .getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> first = post("/webhooks/sms-quiet", CorpusShapes.FORM, bad);

        assertEquals(400, first.statusCode(), first.body());
        List<ILoggingEvent> warnings = warnOrAbove(mark);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(RefusalLog.class.getName(), warnings.get(0).getLoggerName());
        assertEquals("Refused a webhook on sms-quiet: 400 invalid_payload, field data.device",
                warnings.get(0).getFormattedMessage());
        for (int i = 0; i < 5; i++) {
            assertEquals(400, post("/webhooks/sms-quiet", CorpusShapes.FORM, bad).statusCode());
        }
        assertEquals(1, warnOrAbove(mark).size(), "a flood within a minute is counted, not logged");
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> theCorpus() {
        return CorpusCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    @Test
    @Order(3)
    void noInfoLineHoldsAPhoneATextOrASecretOfTheCorpus() {
        List<ILoggingEvent> lines = lines();
        assertTrue(lines.stream().anyMatch(line -> line.getLoggerName().equals(LogSender.DRY_RUN_LOGGER)
                        && line.getFormattedMessage().contains("+15550101")
                        && line.getFormattedMessage().contains(": said-")),
                "the messages' texts went to the dry-run sender, and to its DEBUG line only");
        for (ILoggingEvent line : lines) {
            if (!line.getLevel().isGreaterOrEqual(Level.INFO)) {
                continue;
            }
            String text = line.getFormattedMessage() + (line.getThrowableProxy() == null ? ""
                    : " " + line.getThrowableProxy().getMessage());
            for (String sensitive : CorpusShapes.SENSITIVE) {
                assertFalse(text.contains(sensitive), line.getLoggerName() + " logged '" + sensitive + "': " + text);
            }
            assertFalse(line.getLevel().isGreaterOrEqual(Level.ERROR), "an error during the corpus: " + text);
        }
    }

    private void run(Case c) throws Throwable {
        try {
            check(c);
        } catch (Throwable failure) {
            stored = inboxRows();  // so that one failing case does not fail the ones after it
            throw failure;
        }
    }

    private void check(Case c) throws Exception {
        long before = stored;
        int mark = logged();

        HttpResponse<String> response = post(c.url(), c.contentType(), c.body());

        Expect expect = c.expect();
        assertEquals(expect.status(), response.statusCode(), response.body());
        if (expect.accepted()) {
            assertEquals(before + 1, inboxRows(), "the event is stored");
        } else {
            assertRefusal(c, response);
            assertEquals(before, inboxRows(), "nothing of a refused call is stored");
        }
        stored = before + (expect.accepted() ? 1 : 0);
        List<ILoggingEvent> logged = warnOrAbove(mark);
        assertTrue(logged.size() <= (expect.accepted() ? 0 : 1), logged.toString());
        logged.forEach(line -> assertEquals(RefusalLog.class.getName(), line.getLoggerName(), line.toString()));

        FollowUp next = c.followUp();
        HttpResponse<String> acknowledged = post(next.url(), next.contentType(), next.body());
        assertEquals(200, acknowledged.statusCode(), "the next webhook on " + c.channel() + ": " + acknowledged.body());
        assertEquals(c.channel().equals("classes") ? "success" : "{\"stored\":1,\"duplicates\":0}", acknowledged.body());
        stored++;
        String answer = "answer [" + next.conversation() + "]";
        Eventually.await("the answer to the next webhook on " + c.channel(), Duration.ofSeconds(20), () ->
                gateway.calls().stream().anyMatch(call -> answer.equals(call.form().get("message"))));
    }

    private void assertRefusal(Case c, HttpResponse<String> response) throws IOException {
        Expect expect = c.expect();
        assertTrue(response.headers().firstValue("content-type").orElse("").contains("json"), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(expect.error(), body.path("error").asText(), response.body());
        assertEquals(expect.field(), body.hasNonNull("field") ? body.get("field").asText() : null, response.body());
        String message = body.path("message").asText();
        if (expect.fragment() != null) {
            assertTrue(message.contains(expect.fragment()), "'" + expect.fragment() + "' in " + response.body());
        }
        assertTrue(message.length() < 300, message);
        assertFalse(message.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f || Character.isSurrogate((char) ch)), message);
        assertFalse(message.contains(CorpusShapes.SECRET), message);
        if (c.bad() != null && c.bad().length() > 30) {
            assertFalse(message.contains(c.bad().substring(0, 31)), "the value is not echoed: " + message);
        }
    }

    private long inboxRows() {
        InboxWriter writer = app.context().getBean(InboxWriter.class);
        Eventually.await("acknowledged events written to the inbox table", () -> writer.queued().isEmpty());
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(
                // a Webinato call also stores its batch marker, the sequencer's bookkeeping: the corpus counts events
                "SELECT COUNT(*) FROM inbox_event WHERE event_type <> 'batch'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The appender adds under its own lock, so the test reads under it too. */
    private List<ILoggingEvent> lines() {
        synchronized (log) {
            return new ArrayList<>(log.list);
        }
    }

    private int logged() {
        synchronized (log) {
            return log.list.size();
        }
    }

    private List<ILoggingEvent> warnOrAbove(int from) {
        synchronized (log) {
            return log.list.subList(from, log.list.size()).stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        }
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
